/** compose.yaml, the several-replica worked example: PostgreSQL, two replicas on it, a balancer in front. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const compose = parse(readFileSync(join(__dirname, '..', '..', 'compose.yaml'), 'utf8'));

describe('compose.yaml', () => {
  it('runs two replicas of the image on one PostgreSQL, once it is healthy', () => {
    expect(compose.services.postgres.image).toMatch(/^postgres:\d+/);
    expect(compose.services.postgres.healthcheck.test.join(' ')).toMatch(/pg_isready/);
    const app = compose.services['aws-qa'];
    expect(app.build).toBe('.');
    expect(app.deploy.replicas).toBe(2);
    expect(app.environment.DATABASE_URL).toMatch(/^postgres:\/\/aws_qa:\$\{POSTGRES_PASSWORD:\?[^}]+\}@postgres:5432\/aws_qa$/);
    expect(app.environment.STORE_HASH_KEY).toMatch(/^\$\{STORE_HASH_KEY:\?/);
    expect(app.depends_on.postgres.condition).toBe('service_healthy');
    expect(app.ports).toBeUndefined();
  });

  it('publishes only the balancer, which spreads requests over the replicas', () => {
    expect(compose.services.proxy.ports).toEqual(['3978:3978']);
    expect(compose.configs.nginx.content).toMatch(/upstream aws_qa \{\s*server aws-qa:3978;/);
    expect(compose.configs.nginx.content).toMatch(/proxy_pass http:\/\/aws_qa;/);
    expect(compose.services.postgres.ports).toBeUndefined();
  });
});
