// Applies migrations/ to the local D1 before each test file (applyD1Migrations skips ones already applied).
import { applyD1Migrations, env } from 'cloudflare:test';

await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
