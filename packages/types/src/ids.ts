import { z } from '@hono/zod-openapi';

/** A uuid as Postgres prints it. */
export const UuidSchema = z.uuid().openapi({ example: '4f6c1a9e-2f1b-4c53-9a53-0d8b1e7d9c11' });

export const ProjectIdSchema = UuidSchema.openapi('ProjectId');
export const JobIdSchema = UuidSchema.openapi('JobId');

/** A request id: opaque, echoed in `X-Request-Id` and in every error. */
export const RequestIdSchema = z.string().min(1).max(200).openapi('RequestId');

/** A W3C trace id: 32 lowercase hex characters, not all zero. */
export const TraceIdSchema = z
  .string()
  .regex(/^(?!0{32})[0-9a-f]{32}$/)
  .openapi('TraceId', { example: '4bf92f3577b34da6a3ce929d0e0e4736' });

/** A Figma node id in API form, e.g. `9:5240` or an instance path `I5666:180910;1:10515`. */
export const FigmaNodeIdSchema = z
  .string()
  .regex(/^I?-?\d+:-?\d+(;-?\d+:-?\d+)*$/)
  .openapi('FigmaNodeId', { example: '9:5240' });
