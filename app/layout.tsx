import type { Metadata } from "next";
import { connection } from "next/server";
import { AppProviders } from "@/components/app-providers";
import "./globals.css";

export const metadata: Metadata = { title: { default: "Logbook", template: "%s · Logbook" }, description: "Incident and postmortem workbench" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: proxy.ts gives each one a script nonce, and a page
  // prerendered at build time would carry scripts without it (the policy would block them).
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen bg-background text-foreground antialiased">
        <AppProviders>{children}</AppProviders>
      </body>
    </html>
  );
}
