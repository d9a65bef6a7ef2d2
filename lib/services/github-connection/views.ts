export interface GitHubConnectionView {
  connected: boolean;
  apiUrl: string | null;
  account: string | null;
  updatedAt: string | null;
}
