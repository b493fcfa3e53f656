// Cypher of the exhibits capability: the document an upload belongs to, in the caller's tenant.

export const DOCUMENT_FILE = `
MATCH (d:Document {tenant: $tenant, id: $id})
RETURN d.file AS file, d.sha256 AS sha256`;
