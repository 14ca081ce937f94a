/** The delivery scenario's worker settings (and its baseline's): SMTP connections, jobs at once. */
export const SMTP_CONNECTIONS = 40;
export const CONCURRENT_JOBS = 64;
