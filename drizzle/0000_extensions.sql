-- pg_trgm: trigram GIN indexes for Japanese substring search (PGlite loads it from its contrib bundle).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
