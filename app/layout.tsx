import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = { title: "Logbook", description: "Incident and postmortem workbench" };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
