import type { FastifyReply } from 'fastify';

/** Sends JSON as a string so the signing hook signs exactly the bytes on the wire. */
export function json(reply: FastifyReply, status: number, body: unknown): FastifyReply {
  return reply.status(status).type('application/json').send(JSON.stringify(body));
}

export function noContent(reply: FastifyReply): FastifyReply {
  return reply.status(204).send();
}
