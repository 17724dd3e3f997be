"""The pages, one module per area; each view declares its permission (stratege.web.access)."""
