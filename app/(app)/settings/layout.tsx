import { getPageContext } from "@/lib/auth/page-context";
import { SettingsTabs } from "@/components/settings/settings-tabs";

export default async function SettingsLayout({ children }: { children: React.ReactNode }) {
  await getPageContext("settings:manage");
  return (
    <div className="flex flex-col">
      <p className="mb-1 text-xs font-medium uppercase tracking-wide text-muted-foreground">Settings</p>
      <SettingsTabs />
      {children}
    </div>
  );
}
