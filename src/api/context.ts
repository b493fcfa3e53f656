// Who is asking and what they may reach. Every resolver reads the tenant from here and
// passes it to every query; nothing takes a tenant from arguments.
import type { IncomingMessage } from 'node:http';
import type { Principal, Role, Services } from '../services';
import { ForbiddenError } from '../errors';

export interface RequestContext {
  services: Services;
  principal: Principal;
  tenant: string;
  requestId: string;
}

export const LOCAL_PRINCIPAL: Principal = { tokenId: 'local', tenant: 'default', role: 'ADMIN' };

export async function contextFor(req: IncomingMessage, services: Services, requestId: string): Promise<RequestContext> {
  const principal = services.authenticate ? await services.authenticate(req) : LOCAL_PRINCIPAL;
  return { services, principal, tenant: principal.tenant, requestId };
}

export function requireRole(ctx: RequestContext, ...roles: Role[]): void {
  if (!roles.includes(ctx.principal.role)) {
    throw new ForbiddenError(`this operation needs the role ${roles.join(' or ')}; your token has ${ctx.principal.role}`);
  }
}
