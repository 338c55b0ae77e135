/** File sizes as people read them: "812 bytes", "14.2 KB", "1.3 MB" (1 KB = 1,000 bytes, as GOV.UK writes them). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} KB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
