/**
 * Bot Framework authentication whose connector and user-token clients are built once and reused.
 *
 * botbuilder's `CloudAdapter` builds, for every incoming activity, a new `ConnectorClient` (for
 * the activity's `serviceUrl`) and a new `UserTokenClient`, each with its own HTTP pipeline of a
 * dozen policies: the largest cost of a Teams request in our layers' control (`npm run bench`, the
 * Teams row, measures the whole).
 *
 * Reuse is safe because a client holds no per-turn state: it is fixed by the bot's app id, the
 * `serviceUrl` and the audience (the credentials it signs with cache and refresh their own
 * tokens). So clients are kept per that key, at most {@link MAX_CLIENTS} of them (Teams uses a
 * handful of regional service URLs; without authentication only loopback or allowed ones get this
 * far), the oldest dropped first.
 */
import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { LruMap } from '../../src/index';

type AuthenticateRequestResult = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;
type ConnectorFactory = ReturnType<ConfigurationBotFrameworkAuthentication['createConnectorFactory']>;
type ConnectorClient = Awaited<ReturnType<ConnectorFactory['create']>>;
type ClaimsIdentity = Parameters<ConfigurationBotFrameworkAuthentication['createUserTokenClient']>[0];
type UserTokenClient = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['createUserTokenClient']>>;

/** The most clients of each kind kept; past it, the least recently used goes. */
export const MAX_CLIENTS = 32;

/**
 * The bot's app id as botframework reads it from the claims of a request: the audience (`aud`)
 * of a channel's token, the `appid` claim of the Emulator's; `''` for an unauthenticated request.
 */
function appIdOf(claims: ClaimsIdentity): string {
  return claims.getClaimValue('aud') ?? claims.getClaimValue('appid') ?? '';
}

/** Promised clients in an {@link LruMap} of {@link MAX_CLIENTS}; a client that fails to build is forgotten (tried again next time). */
class ClientCache<T> {
  private readonly entries = new LruMap<string, Promise<T>>(MAX_CLIENTS);

  /** The client under `key`, made by `make` when absent. */
  get(key: string, make: () => Promise<T>): Promise<T> {
    const known = this.entries.get(key);
    if (known) return known;
    const made = make();
    made.catch(() => this.entries.deleteIf(key, made));
    this.entries.set(key, made);
    return made;
  }

  get size(): number {
    return this.entries.size;
  }
}

/** `ConfigurationBotFrameworkAuthentication` with the clients of every turn reused (see the module doc). */
export class ReusedClientsAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly connectors = new ClientCache<ConnectorClient>();
  private readonly tokenClients = new ClientCache<UserTokenClient>();

  /** How many clients are kept: connector clients and user-token clients. */
  clientCount(): { connectors: number; tokenClients: number } {
    return { connectors: this.connectors.size, tokenClients: this.tokenClients.size };
  }

  override async authenticateRequest(
    ...args: Parameters<ConfigurationBotFrameworkAuthentication['authenticateRequest']>
  ): Promise<AuthenticateRequestResult> {
    const result = await super.authenticateRequest(...args);
    if (!result.connectorFactory) return result;
    return { ...result, connectorFactory: this.reusing(result.connectorFactory, appIdOf(result.claimsIdentity)) };
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.reusing(super.createConnectorFactory(claimsIdentity), appIdOf(claimsIdentity));
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.tokenClients.get(appIdOf(claimsIdentity), () => super.createUserTokenClient(claimsIdentity));
  }

  /** `factory`, whose clients come from the cache under (app id, service URL, audience). */
  private reusing(factory: ConnectorFactory, appId: string): ConnectorFactory {
    const { connectors } = this;
    return Object.assign(Object.create(factory) as ConnectorFactory, {
      create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
        return connectors.get(JSON.stringify([appId, serviceUrl, audience ?? null]), () => factory.create(serviceUrl, audience));
      },
    });
  }
}
