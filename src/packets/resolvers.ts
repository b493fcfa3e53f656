// Packet resolvers are filled in by the packets capability.
export const packetResolvers = { Query: {} as Record<string, unknown>, types: {} as Record<string, unknown> };
