/**
 * Asks clinicflow's FerretDB to run a query in SQL (filter, sort, limit, `[$match, $group]`) instead of
 * decoding the whole collection in Go (docs/report.md, docs/database.md). A query carrying it vouches for what
 * that needs: every field it filters, sorts or groups on holds one scalar type (strings, dates, numbers or
 * null; never an array). MongoDB ignores the comment: only the speed depends on it, never the answer.
 */
export const SQL_PUSHDOWN = { comment: 'clinicflow:pushdown' } as const;
