/** Schema 6: reconciliation uploads (the platform's records for a day) and the differences found. */
export const M006_RECON = `
CREATE TABLE recon_uploads (
  upload_id TEXT PRIMARY KEY, bill_date TEXT NOT NULL, sub_mchid TEXT NOT NULL, row_count INTEGER NOT NULL,
  diff_csv TEXT NOT NULL, diff_count INTEGER NOT NULL, created_at INTEGER NOT NULL
) STRICT;
`;
