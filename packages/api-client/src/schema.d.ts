// Generated from the COGO API's OpenAPI document by `pnpm --filter @cogo/api-client gen`.
// Do not edit: change the zod route definitions in apps/api and regenerate.
export interface paths {
    "/livez": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Liveness: the process answers
         * @description Always 200 while the Worker runs: touches neither the database nor the configuration, so a slow or down database or a bad var never reads as a dead process (see `/healthz` for readiness).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Alive */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Liveness"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readiness: the database answers
         * @description 200 when the database answers, 503 (same body, `status: degraded`) when it does not within 3 s. The probe checks both ways the API reaches the database — a WebSocket session (transactions) and SQL over HTTP (every other statement) — as `cogo-health` (application_name), which the local embedded database serves before queued user queries; `db.connectMs` (the session's connect) and `db.latencyMs` (both) say how long it waited. Use it to decide whether to send traffic; use `/livez` to decide whether to restart.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Ready */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Health"];
                    };
                };
                /** @description Database unreachable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Health"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Dependencies: database, queue, LLM providers — 503 names the failing part
         * @description Seed 004's health check: `checks.database` (answers within 3 s on its own connection), `checks.queue` (no AI job has waited in `queued` longer than AI_JOB_STALL_SECONDS, 300 s: the queue delivers and its consumer runs), `checks.providers` (the deployment's own LLM providers: none configured, or at least one whose circuit is closed). 200 when all pass; 503 with the same body and `failing` naming each part that did not. Public, like /healthz.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every dependency answers */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DependencyHealth"];
                    };
                };
                /** @description At least one dependency failed (named in `failing`) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DependencyHealth"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a project and its first API key (admin) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateProject"];
                };
            };
            responses: {
                /** @description Created; the key is shown once */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CreatedProject"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (403) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (409) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/current": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The project the credentials act for */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The project */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Project"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The project's API keys (prefixes only) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Keys */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ApiKey"][];
                        };
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        put?: never;
        /** Issue a new API key */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateApiKey"];
                };
            };
            responses: {
                /** @description Issued; the key is shown once */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IssuedApiKey"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (409) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/keys/{id}/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace a key with a new one; the old one stops working at once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The new key, shown once */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IssuedApiKey"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (409) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a key */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The revoked key */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiKey"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (409) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/current/updates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your project's changes (the outbox), oldest first: follow them with `after` */
        get: {
            parameters: {
                query?: {
                    /** @description the `next_after` of the previous page; absent or 0 for the first */
                    after?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of updates */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ProjectUpdatesPage"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/updates/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send undelivered updates to the projection worker again (admin; after a DLQ incident) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ReplayUpdates"];
                };
            };
            responses: {
                /** @description What was sent */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReplayUpdatesResult"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (403) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (503) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/vault/secrets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every secret version of the project (metadata only) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Versions */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["SecretVersion"][];
                        };
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/vault/secrets/{alias}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set a secret (a new version; the previous one is retired) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    alias: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PutSecret"];
                };
            };
            responses: {
                /** @description Stored */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SecretVersion"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (409) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (503) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        post?: never;
        /** Revoke every version of a secret */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    alias: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Revoked versions */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["SecretVersion"][];
                        };
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (409) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/vault/secrets/{alias}/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rotate an existing secret to a new value */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    alias: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PutSecret"];
                };
            };
            responses: {
                /** @description Rotated */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SecretVersion"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (409) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (503) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/vault/secrets/{alias}/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Audit trail of a secret: every change and every use */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    alias: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Audit rows */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["SecretAudit"][];
                        };
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/llm/providers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Platform LLM providers (admin) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Platform providers */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Provider"][];
                        };
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (403) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        put?: never;
        /** Add a platform LLM provider (admin) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateProvider"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Provider"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (403) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (409) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/llm/providers/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a platform LLM provider and its models (admin) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The deleted provider */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Provider"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (403) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a platform LLM provider; fields left out keep their value (admin) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UpdateProvider"];
                };
            };
            responses: {
                /** @description Updated */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Provider"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (403) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/admin/llm/models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Models of the platform providers (admin) */
        get: {
            parameters: {
                query?: {
                    kind?: "chat" | "embedding";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Platform models */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Model"][];
                        };
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (403) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        put?: never;
        /** Add a model under a platform provider (admin) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateModel"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Model"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (403) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (409) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/llm/models/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a platform model (admin) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The deleted model */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Model"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (403) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a platform model; fields left out keep their value (admin) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UpdateModel"];
                };
            };
            responses: {
                /** @description Updated */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Model"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (403) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/llm/providers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** LLM providers the project may route to: the platform's and its own (see `scope`) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Providers */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Provider"][];
                        };
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        put?: never;
        /** Add an OpenAI-compatible provider of the project's own (its host must be in OUTBOUND_ALLOWLIST) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateProvider"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Provider"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (409) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/llm/providers/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete one of the project's providers and its models */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The deleted provider */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Provider"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change one of the project's providers; fields left out keep their value */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UpdateProvider"];
                };
            };
            responses: {
                /** @description Updated */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Provider"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/llm/models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Models the project may route to: the platform's and its own */
        get: {
            parameters: {
                query?: {
                    kind?: "chat" | "embedding";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Models */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Model"][];
                        };
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        put?: never;
        /** Add a model under one of the project's own providers */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateModel"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Model"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (409) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/llm/models/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete one of the project's models */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The deleted model */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Model"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change one of the project's models; fields left out keep their value */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UpdateModel"];
                };
            };
            responses: {
                /** @description Updated */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Model"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/llm/policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The project's routing policy (the defaults when it has stored none) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Policy */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RoutingPolicy"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        /** Replace the project's routing policy; every model it names must be one the project can see */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RoutingPolicy"];
                };
            };
            responses: {
                /** @description Stored */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RoutingPolicy"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/jobs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A job of your project */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The job */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Job"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/pages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your project's pages, oldest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of pages */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Page"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/pages/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A page of your project */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The page */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Page"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/pages/{id}/ui-json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A page of your project as UI JSON (cogo_ui_json and uui_json)
         * @description A generated page (applied with POST /figma-context/apply `{ page: <cogo_ui_json> }`) converts back to the document that was applied; a Figma page to one section per top-level frame, its components as blocks and component nodes referencing the stored components. A page with more than 2,000 components is a 422 (`UI_JSON_TOO_LARGE`).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The page as UI JSON */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @example 4f6c1a9e-2f1b-4c53-9a53-0d8b1e7d9c11
                             */
                            page_id: string;
                            cogo_ui_json: components["schemas"]["CogoUiJson"];
                            uui_json: components["schemas"]["UuiJson"];
                        };
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics/trace/{traceId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The whole path of a trace (your project's): its events, steps with durations, LLM tokens and cost, requests */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    traceId: components["schemas"]["TraceId"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The trace's timeline; another project's trace answers empty lists */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TraceTimeline"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Per route: count, error rate, p50/p95 latency over a recent window (your project), each against its SLO
         * @description The SLO gate (seed 001 §6): `gate` is `pass` when every route's p95 and 5xx rate meet their targets (`slo`), else `fail`.
         */
        get: {
            parameters: {
                query?: {
                    window?: "5m" | "1h" | "24h";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Overview */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            window: string;
                            since: string;
                            routes: components["schemas"]["RouteStat"][];
                            design_sync: components["schemas"]["DesignSyncMetrics"];
                            /** @enum {string} */
                            gate: "pass" | "fail";
                        };
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics/spend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your project's LLM spend by UTC day and model (calls, tokens, cost from llm_usage), today included
         * @description Every day of the range is listed, oldest first; a day without calls has no models. Failed calls count (they are billed rows too).
         */
        get: {
            parameters: {
                query?: {
                    /** @description UTC days, today included (1–31) */
                    days?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Spend by day and model */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SpendByDay"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus text exposition of every request and LLM provider (admin) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description text/plain; version=0.0.4 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": string;
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (403) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/figma-context/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Plan the extraction of a Figma file or node
         * @description Reads the file at depth 2 (pages and top-level frames) — or the subtree of `node-id` — and plans chunks of ≤ 100 nodes, ≤ 500 per stream call.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["StartFigmaContext"];
                };
            };
            responses: {
                /** @description Job planned */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StartFigmaContextResponse"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (413) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (502) */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/figma-context/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Stream the extracted context (SSE, resumable)
         * @description Events `ready`, `page.ready`, `page.includes`, `page.chunk`, `progress`, `debug`, `keepalive`, `done`, `error`. Every logged event has an increasing `id`; reconnect with `Last-Event-ID` (or `cursor`) to get the rest, none lost or repeated. A call that stops within its time budget ends with `progress` carrying `next_cursor`. `keepalive` carries no id.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "last-event-id"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["StreamFigmaContext"];
                };
            };
            responses: {
                /** @description text/event-stream */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": string;
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/figma-context/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** State, progress, counts and last error of a job */
        get: {
            parameters: {
                query: {
                    job_id: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Status */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FigmaJobStatus"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/figma-context/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a job (its stream ends with an `error` event, code CANCELLED) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["JobIdBody"];
                };
            };
            responses: {
                /** @description Cancelled */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FigmaJobStatus"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (409) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/figma-context/apply": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Store a page and its components (idempotent, replace-mode by page, ≤ 300 per call), or a generated page
         * @description A Figma page of a job (`job_id`, `page: { node_id, name, components }`, ≤ 300 components per call, `batch` for more) or a generated page (`page`: a cogo_ui_json document, no `job_id`; `trace_id` puts its `figma_apply_*` events on the chat turn's trace). A generated page is stored under file key `generated` — its sections, blocks and components one row each — in one transaction; the same document again changes nothing (`unchanged` counts every row). A document holding what the UI JSON sanitizer cuts (script URLs, event-handler code, unsafe keys) is a 422 (`details.code: UI_JSON_UNSAFE`, `details.pruned`); two nodes with one id a 400.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ApplyFigmaContext"];
                };
            };
            responses: {
                /** @description Applied */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApplyResult"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (409) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (413) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/figma-context/context": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A job's whole compact context (text or JSON), paged by bytes
         * @description Every kept node with its text, layout, styles, variables and component props: the merged `page.chunk` contexts rendered as `text` (toText) or `json` (toJson), at most `max_bytes` UTF-8 bytes of `content` per page. A page ends before a block (dictionary entry, component, top-level node with its subtree) that does not fit; a block larger than a page is cut between lines, a line larger than a page between characters. Pass `next_cursor` as `cursor` for the next page (it names its job and format); the pages concatenated are the whole rendering. A job not done yet is `partial`: its pages hold what was logged when the first page was read.
         */
        get: {
            parameters: {
                query?: {
                    /** @description The job; may be left out with a cursor, which names its job */
                    job_id?: string;
                    /** @description `text` (default: the indented lines of toText) or `json` (toJson of the merged context); a cursor keeps its format */
                    format?: "text" | "json";
                    /** @description next_cursor of the previous page (opaque) */
                    cursor?: string;
                    /** @description At most this many UTF-8 bytes of content per page */
                    max_bytes?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description One page of the context */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FigmaContextPage"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/figma-context/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** figma-context configuration for your project */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Module health */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ok";
                            figma_api_base: string;
                            /** @enum {string} */
                            token: "vault" | "env" | "missing";
                        };
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/figma-context/images": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Render nodes and store image fills as artifacts (each fetched once)
         * @description Renders `node_ids` (and the URL's node-id) with Figma's `GET /v1/images/:key` (Tier 1, ≤ 50 ids per call) and, with `include_fills`, stores every image fill of the file (`GET /v1/files/:key/images`, Tier 2). Artifacts have stable names — `figma/<file_key>/nodes/<node>@<scale>x.<fmt>`, `figma/<file_key>/fills/<imageRef>.<ext>` — and are kept per project: a render already stored is not rendered again (unless `refresh`), a fill is downloaded once per imageRef. A node Figma cannot render is listed in `failed`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["FigmaImagesRequest"];
                };
            };
            responses: {
                /** @description Stored artifacts */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FigmaImagesResponse"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (502) */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/figma-context/artifacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download one of your project's artifacts by name
         * @description The bytes of an artifact named by `POST /figma-context/images`. Another project's artifact answers 404.
         */
        get: {
            parameters: {
                query: {
                    name: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The artifact (its stored content type) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": string;
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/figma/webhooks/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Register a Figma webhook (FILE_UPDATE or LIBRARY_PUBLISH) for a file, project or team through Figma's POST /v2/webhooks, with the project's Figma token */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RegisterFigmaWebhook"];
                };
            };
            responses: {
                /** @description Registered (the passcode is never shown) */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FigmaWebhook"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (409) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (502) */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/figma/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The project's Figma webhooks */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Webhooks */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["FigmaWebhook"][];
                        };
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        put?: never;
        /** Figma's webhook deliveries (public: Figma calls it; the passcode authenticates). A replay answers 200 duplicate: true and does nothing */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["FigmaWebhookDelivery"];
                };
            };
            responses: {
                /** @description Received */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FigmaWebhookReceipt"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (413) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/figma/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Unregister a webhook, in Figma too (another project’s is 404) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FigmaWebhook"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (409) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (502) */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/figma-compat/uui/variables/derive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A Figma file's (or a plugin export's) variables and styles as W3C DTCG 2025.10 design tokens, stored per version
         * @description Sources (`source`, inferred when absent): Figma (`file_key` or `figma_url`), a plugin upload (`upload_id`: any Figma plan, no Figma call), or both merged by variable id.
         *
         *     **Figma**: asks `/meta` for the file's version (Tier 2). When tokens are stored for that version in this project they are answered (`cached: true`) with no other Figma call. Otherwise reads `/variables/local` (Tier 2; Enterprise only — a 403 is `sources.variables: "unavailable"` and the styles still give tokens), the file at depth 1 for its styles map and `/nodes` of the style nodes (Tier 1: 1 + ⌈styles / 500⌉ calls).
         *
         *     **Plugin upload** (POST /figma-compat/uui/presign, then PUT the export to its URL): the export object carries its variables at the top level as `variables` and `variableCollections`, beside the REST-shaped `document` (or `nodes`) — arrays (or maps keyed by id) of what `figma.variables.getLocalVariablesAsync()` and `getLocalVariableCollectionsAsync()` return, serialised: variables with `id`, `name`, `resolvedType`, `valuesByMode` (aliases `{ "type": "VARIABLE_ALIAS", "id" }`), `variableCollectionId`, `scopes`, `codeSyntax`; collections with `id`, `name`, `modes` (`modeId`, `name`), `defaultModeId`, `variableIds`. Its styles come from the document's `styles` map and the nodes using them. Alone, the tokens are stored under version `upload:<upload_id>` and `file_key` (given, else `upload<upload_id without dashes>` as ingest names it), so two uploads of one file can be diffed; the same upload again is answered from storage without reading it.
         *
         *     **Both**: Figma's reads as above plus the upload's variables (Figma's copy wins on the same id); stored under Figma's version, and reused only when stored with this upload (a version stored without it is derived again and replaced). `sources` says where the variables came from (`rest`, `plugin`, `both`, `unavailable`) and `plugin` counts the export's variables.
         *
         *     The DTCG document (default modes) and the Resolver document (every mode) are validated against the DTCG schema, stored and answered. `formats` adds CSS custom properties (`css`) and a Tailwind v4 `@theme` block (`tailwind`).
         *
         *     Bad input stores nothing: neither variables nor styles with values is a 422 (`details.code: TOKENS_NO_SOURCE`) naming what is missing; malformed `variables` a 422 (`TOKENS_MALFORMED_VARIABLES`) naming the path (`upload.variables…`); an unknown file or upload 404; an upload over the size cap 413, not JSON or nested too deep 422; Figma's 429 is a 429 with `Retry-After`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["DeriveTokensRequest"];
                };
            };
            responses: {
                /** @description The tokens of the current version */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DerivedTokensResponse"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (413) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (502) */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/figma-compat/uui/variables/diff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Tokens added, removed, changed and renamed between two stored versions of a file
         * @description Both versions must have been derived (POST /figma-compat/uui/variables/derive) by this project: Figma versions, or `upload:<upload_id>` for plugin uploads derived alone under this `file_key`; a missing one is a 404 naming it. Every mode is compared; a renamed variable is one rename, not a removal and an addition. `counts` is always inline; a diff over ARTIFACT_INLINE_MAX_BYTES comes as `artifact` (kind `diff`; GET its `url`: this answer with every list, byte for byte) — the same diff asked again points at the same artifact.
         */
        get: {
            parameters: {
                query: {
                    file_key: string;
                    /** @description a stored version (see `version` of variables/derive) */
                    from: string;
                    to: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The diff */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TokensDiffResponse"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/figma-compat/uui/variables/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The stored token versions of a file, newest first (the versions variables/diff compares)
         * @description Every version this project derived for `file_key` (Figma versions, and `upload:<upload_id>` for plugin uploads derived alone), newest first, at most 100, with the number of tokens each holds; an unknown file is an empty list.
         */
        get: {
            parameters: {
                query: {
                    file_key: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The versions */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TokenVersions"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/figma-compat/uui/bdd/generate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Gherkin scenarios from a page's structure: forms, inputs, buttons, links, navigation and prototype paths (deterministic)
         * @description The design is read from `source` (exactly one of `page_id`, `job_id`, `upload_id`, `file_key`/`figma_url`, `document`, plus `node_id`): a Figma file through the version cache (a second read of the same file version makes no Tier-1 call; `origin.figma_calls` says so). A file with several pages and no `node_id` is a 400 listing them; an unknown node, page, job or upload a 404. One Feature per page, one scenario per user path (a form's button: an outline over its fields; a prototype flow: a journey across screens). The same page always gives the same text, and it parses with @cucumber/gherkin. A page without top-level frames gives a Feature without scenarios and says so in `warnings`. JSON that is not a Figma node tree (a field of the wrong type included) is a 400 naming where.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["BddGenerateRequest"];
                };
            };
            responses: {
                /** @description The feature */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BddGenerateResponse"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (413) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (502) */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/figma-compat/uui/bdd/refine": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A Gherkin feature refined by an LLM through the gateway, checked with @cucumber/gherkin: repaired once, then refused with line and column
         * @description The design is read from `source` (exactly one of `page_id`, `job_id`, `upload_id`, `file_key`/`figma_url`, `document`, plus `node_id`): a Figma file through the version cache (a second read of the same file version makes no Tier-1 call; `origin.figma_calls` says so). A file with several pages and no `node_id` is a 400 listing them; an unknown node, page, job or upload a 404. The feature to refine is `feature` (it must parse: else a 400 naming its line and column, before any LLM call) or what bdd/generate gives for the source; the model also gets the page's summary (screens, fields, buttons, links, paths) and `instructions`. One non-streaming call through the LLM gateway (route `figma-compat/bdd/refine` on its usage rows); an answer that does not parse (or has no scenario) gets one repair call showing the parser's error; a second such answer is a 422 whose details carry the parser's `line`, `column`, `message` and the `text`. A page that gives no scenarios and no `feature` is a 422 before any call. The gateway's errors pass through: 402 budget, 503 no provider, 502 upstream.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["BddRefineRequest"];
                };
            };
            responses: {
                /** @description The refined feature */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BddRefineResponse"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (402) */
                402: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (413) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (502) */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (503) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/figma-compat/uui/actionflow/refine": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A prototype's screen graph (every interaction and action kind), its Mermaid text, stored per file and page; optionally annotated by an LLM
         * @description Reads the design `source` names (a stored page, a job's file, a plugin upload, a Figma file through the version cache, or an inline document) and builds its screen graph: screens are the page's top-level frames (inside sections too), edges every action of every prototype interaction (ON_CLICK, ON_HOVER, AFTER_TIMEOUT…; NODE NAVIGATE/SWAP/OVERLAY/SCROLL_TO/CHANGE_TO, BACK, CLOSE, URL, SET_VARIABLE, SET_VARIABLE_MODE, media; CONDITIONAL flattened into its branches) and the legacy `transitionNodeID`. Flows start at the page's `flowStartingPoints` (else its `prototypeStartNodeID`, else the screens nothing navigates to); the report lists unreachable screens, dead ends, flow ends and links without a destination, with every assumption made. A node other than a page (a frame) is read as a page of its own. The graph is stored as the `action_flows` row of (project, file, page): created, updated when its content or the file version changed, left as it is otherwise; an inline `document` is answered but not stored. A file with several pages and no `source.node_id` is a 400 listing them; an unknown node or page 404; a document that is not a Figma design 422.
         *
         *     With `refine`, after the graph is stored, one non-streaming call through the LLM gateway (route `figma-compat/actionflow/refine` on its usage rows; a json_schema response format the gateway validates and repairs once) asks for `annotations`: screen purposes, flow summaries and suggestions (dead_end, unreachable, missing_back, other), from a compact summary of the graph. Entries naming a screen id or flow name the graph does not hold are dropped and listed in `annotation_warnings`; when nothing valid is left, one repair call names them, and a second such answer is a 422 (`ACTION_FLOW_ANNOTATIONS_UNKNOWN`) naming them. A page without screens is a 422 before any call. The annotations are stored on the row (not part of its content hash; a rebuild whose graph changed clears them, an unchanged one keeps and answers them) and `llm` says who wrote them at what cost. The gateway's errors are the answer as it gives them (402 budget, 503 no provider, 502 upstream, 422 unknown model or invalid JSON): the deterministic row was stored before the call and stays, without new annotations. A 409 when another build replaced the graph while the model was answering.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RefineActionFlowRequest"];
                };
            };
            responses: {
                /** @description The screen graph */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RefineActionFlowResponse"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (402) */
                402: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (409) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (413) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (502) */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (503) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/figma-compat/uui/actionflows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The stored screen graphs of a file (one page, or every page)
         * @description The `action_flows` rows this project stored with POST /figma-compat/uui/actionflow/refine, in page id order, each with the `annotations` of its last refinement (null when none ran since its graph last changed). None stored for the file (or page) is a 404.
         */
        get: {
            parameters: {
                query: {
                    /** @description The file the graphs were built from: a Figma file key, or `upload<id>` for a plugin upload (see `origin.file_key`) */
                    file_key: string;
                    /** @description One page (or frame) of the file; every stored page when absent */
                    page_id?: components["schemas"]["FigmaNodeId"] & unknown;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The stored graphs */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ActionFlowsResponse"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/figma-compat/uui/symbols/map": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Figma components and component sets, with their properties, mapped to code symbols with a confidence each
         * @description Collects the component sets and standalone components of the design `source` names (a variant is mapped through its set) with their `componentPropertyDefinitions` — variants, booleans, texts, instance swaps — or, with `components_from: "stored"`, the project's stored components of a page or of a job's file. With a `registry` (at most 2000 code symbols, e.g. the design-sync registry) each component takes the symbol that matches it best (confidence = 0.6 × name + 0.4 × props, at least `min_confidence`, default 0.5), every prop mapping with its own confidence; unmatched components (with their best candidate and a symbol derived from their name) and unused symbols are listed. Without one, each component gets the symbol its names give. A malformed registry is a 400 naming the path; a design with no component a 422; a file with several pages and no `source.node_id` a 400 listing them; an unknown node, page or job 404.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["MapSymbolsRequest"];
                };
            };
            responses: {
                /** @description The symbols map */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SymbolMapResponse"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (413) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (502) */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/figma-compat/uui/generate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A page from a prompt's sections, built from the project's components and tokens (keyword, offline, deterministic)
         * @description The prompt's sections ("hero", "CTA", "features", "pricing", "login form", "FAQ", … in the order named; a landing page naming none gets navbar, hero, features, CTA, footer), or `sections` given, each built from the project's stored components where one fits the role by name and generic blocks otherwise, styled with its tokens where they fit. No model is asked; the same prompt and project give the same page.
         *
         *     The page as `cogo_ui_json` (page → sections → blocks → components, with props, layout, token references `{path}` and actions) and `uui_json` (the renderer form), or — when the two are over ARTIFACT_INLINE_MAX_BYTES together — `artifact` (GET its `url`: `{ cogo_ui_json, uui_json }` byte for byte). `sections` says which stored components each section uses; `report` what was pruned and which component or token references the project lacks. Apply it with POST /figma-context/apply `{ page: <cogo_ui_json> }`. Emits `ui_generate_started` and `ui_generate_succeeded` (or `_failed`) on the trace (`trace_id`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UiGenerateRequest"];
                };
            };
            responses: {
                /** @description The page */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UiGenerateResponse"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (413) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/figma-compat/uui/generate/llm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A page from a prompt through the LLM gateway (JSON mode), validated, pruned and matched to the project
         * @description The model is given the cogo_ui_json shape, the project's components and tokens, `context` (knowledge to ground the texts in) and `cogo_ui_json` (a page to refine). Its answer is sanitized (`__proto__`/`constructor`/`prototype` keys, script-ish URLs and event-handler code are cut and listed in `report.pruned`), validated against the schema and UI JSON limits, and matched: references to components the project does not have are dropped (`report.unknown_components`), unknown token references reported. An answer that is not valid is asked again once with its problems; a second is a 422 `LLM_BAD_OUTPUT` (`details.code`: `UI_JSON_NOT_JSON`, `UI_JSON_INVALID`, `UI_JSON_TOO_LARGE`; `details.issues`). Nothing unvalidated is answered or stored. Gateway errors pass through (402 budget, 503 no provider, 502 upstream).
         *
         *     The page as `cogo_ui_json` (page → sections → blocks → components, with props, layout, token references `{path}` and actions) and `uui_json` (the renderer form), or — when the two are over ARTIFACT_INLINE_MAX_BYTES together — `artifact` (GET its `url`: `{ cogo_ui_json, uui_json }` byte for byte). `sections` says which stored components each section uses; `report` what was pruned and which component or token references the project lacks. Apply it with POST /figma-context/apply `{ page: <cogo_ui_json> }`. Emits `ui_generate_started` and `ui_generate_succeeded` (or `_failed`) on the trace (`trace_id`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UiGenerateLlmRequest"];
                };
            };
            responses: {
                /** @description The page */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UiGenerateResponse"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (402) */
                402: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (413) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (502) */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (503) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/artifacts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download one of your project's artifacts (streamed, with an ETag)
         * @description The bytes of an artifact (a generated plan, UI JSON, diff or large job output; answers that were too large to send inline carry its `url`), byte for byte as stored, with its content type, `Content-Length`, `ETag: "<sha256>"` and `Cache-Control: private, max-age=…` (never past its expiry). `If-None-Match` with the ETag answers 304 with no body. An unknown, expired or other project's id answers 404.
         */
        get: {
            parameters: {
                query?: never;
                header?: {
                    "if-none-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The artifact (its stored content type) */
                200: {
                    headers: {
                        ETag: string;
                        "Cache-Control": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": string;
                    };
                };
                /** @description Not modified: If-None-Match named the current ETag */
                304: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/artifacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your project's live artifacts, newest first
         * @description Filtered by `kind` and `trace_id`, in keyset pages (`nextCursor`, null at the end; a cursor this API did not issue is a 400). Expired artifacts are not listed.
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    kind?: components["schemas"]["ArtifactKind"];
                    trace_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of artifacts */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Artifact"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/design-sync/registry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The project's coded components, by key */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of registry components */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["CodeComponent"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Ingest a Storybook build into the code registry (idempotent)
         * @description Reads a Storybook `index.json` (v5), props from a Storybook 10 components manifest or react-docgen-typescript JSON, and Code Connect mappings, and upserts one registry component per Storybook title (at most 5000): the same input again changes nothing (`unchanged`). Code Connect mappings are stored confirmed. `prune: true` deletes components the input no longer names (and their mappings). A document the parser cannot read is a 400 naming its JSON path; entries it skips are listed in `warnings`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RegistryIngestRequest"];
                };
            };
            responses: {
                /** @description What the ingest changed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RegistryIngestResponse"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (413) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/design-sync/registry/storybook": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ingest the project's Storybook build from its URL
         * @description Reads `index.json` from the project's Storybook URL (the `storybook` credential), Storybook 10's components manifest (`manifests/components.json`) and, when the build publishes them beside it, `docgen.json` (react-docgen-typescript) and `code-connect.json`; then ingests them as POST /design-sync/registry does. A file that is not there is a warning (a props document not when the other one gave the props); no Storybook URL, or an index.json that cannot be read, is a 422 saying why (never the URL).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["StorybookIngestRequest"];
                };
            };
            responses: {
                /** @description What the ingest changed, and the files it read */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StorybookIngestResponse"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/design-sync/mappings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Code ↔ Figma component mappings
         * @description Filtered by `status` and `file_key`, ordered by code component key, in keyset pages.
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    status?: components["schemas"]["MappingStatus"];
                    file_key?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of mappings */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ComponentMapping"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Map a coded component to a stored Figma component (confirmed)
         * @description The code component by registry key (or id); the Figma component set or component by file key and node id, as POST /figma-context/apply stored it. An unknown code component or Figma component is a 404; mapping it again updates the props map and confirms it.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateMappingRequest"];
                };
            };
            responses: {
                /** @description The mapping */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ComponentMapping"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/design-sync/mappings/suggest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Suggest mappings by name and prop similarity, for a person to confirm
         * @description Pairs unmapped registry components with unmapped stored Figma components (sets and standalone components) by name and property similarity (confidence = 0.6 × name + 0.4 × props, at least `min_confidence`), one each, and stores them as `suggested`. A pair a person rejected is never suggested again.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SuggestMappingsRequest"];
                };
            };
            responses: {
                /** @description The suggestions */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SuggestMappingsResponse"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/design-sync/mappings/code-connect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Confirmed and suggested mappings as Code Connect template files
         * @description One `<Name>.figma.tsx` per mapping (`figma.connect` with the props map as figma.enum/boolean/string/instance), to review and commit beside the components.
         */
        get: {
            parameters: {
                query?: {
                    status?: "confirmed" | "suggested" | "all";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The files */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CodeConnectExport"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/design-sync/mappings/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Confirm or reject a mapping
         * @description Confirming records the baseline drift is measured against (the Figma name and the bound tokens' values now).
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UpdateMappingRequest"];
                };
            };
            responses: {
                /** @description The mapping */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ComponentMapping"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/design-sync/coverage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Stories and tests per coded component and Figma variant
         * @description Per registry component: its stories, its tests (stories tagged `test` or `play-fn`), and which of its mapped Figma component's variant options ("Size=Small") some story covers (by its args, else by its name).
         */
        get: {
            parameters: {
                query?: {
                    file_key?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The coverage report */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CoverageResponse"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/design-sync/drift": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Drift between each confirmed mapping’s coded component and its Figma component
         * @description Per confirmed mapping: Figma properties missing in code, code props with no Figma counterpart (handlers, className, style and other code-only props are not drift), variant options vs enum values, defaults, incompatible types, tokens whose value changed since the last sync, a renamed or removed Figma component, a removed code component. Each side is hashed canonically (sorted keys); a mapping whose sides and baseline are unchanged reuses its stored report (`cached`). `diff_hash` is what a sync operation is keyed by.
         */
        get: {
            parameters: {
                query?: {
                    file_key?: string;
                    mapping_id?: string;
                    only_drifted?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The drift report */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DriftResponse"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/design-sync/operations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sync operations, newest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of operations */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["SyncOperation"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Sync drifted components, atomically per component, with an undo entry
         * @description `design_to_code`: the registry component takes the design's props, and a Storybook CSF3 story and a Playwright test are generated as artifacts (kind `scaffold`). `code_to_design`: the stored Figma component's property definitions take the code's. Each component is its own transaction: one that fails (its Figma or code component is gone) is reported and the others apply (`partial`). The operation id is derived from the components and the diff hash, so the same request on the same drift answers the stored operation (`replayed`); when nothing drifted it is a `noop`. An applied operation is pushed on the project's undo stack (50 deep, 24 h). Only confirmed mappings sync (another is a 409); an unknown mapping id is a 404.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SyncOperationRequest"];
                };
            };
            responses: {
                /** @description The operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SyncOperation"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (409) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/design-sync/operations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One sync operation */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SyncOperation"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/design-sync/undo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Undo a sync operation: restore exactly what it changed, or refuse with the reason
         * @description Restores every component the operation changed to its state before it, checked by hash (the restored state's hash equals the recorded pre-state's). Refused with 409 and `details.reason`: `expired` (older than 24 h), `already_undone`, `later_operation` (a later, not undone operation changed the same components — undo it first), `changed_since` (the components changed after the operation, e.g. a new ingest or apply), `not_undoable` (a no-op or failed operation, or one evicted from the 50-deep stack). Without `operation_id`, the latest undoable operation.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UndoRequest"];
                };
            };
            responses: {
                /** @description What was restored */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UndoResponse"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (409) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/design-sync/drift/feedback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Judge a reported drift item: real, or a false positive
         * @description One verdict per (mapping, kind, subject); a new one replaces it. The verdicts give `design_drift_false_positive_ratio` in /metrics and /metrics/overview.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["DriftFeedbackRequest"];
                };
            };
            responses: {
                /** @description The verdict stored */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DriftFeedback"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/design-sync/credentials": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The project's design-sync credentials: what their last check said and when they expire — never their values */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Stored credentials */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DesignSyncCredentialList"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Store a Figma token, Slack incoming webhook or Storybook URL after a real check
         * @description Pre-flight: figma — `GET /v1/me` on FIGMA_API_BASE; slack — an empty message to the webhook, which a live webhook refuses with 400 without posting; storybook — `GET <url>/index.json`. A failed check is a 422 naming why, and nothing is stored. The value goes to the vault (figma: FIGMA_API_KEY, the token figma-context uses; slack: SLACK_WEBHOOK_URL; storybook: STORYBOOK_URL), a newer one rotating the older. With `expires_at`, a `credential_expiring` notification goes out daily from 7 days before.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PutCredentialRequest"];
                };
            };
            responses: {
                /** @description Checked and stored */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DesignSyncCredential"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/design-sync/credentials/{kind}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a credential (its vault secret is revoked) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    kind: components["schemas"]["DesignSyncCredentialKind"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Removed */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/design-sync/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The project's notification settings: per category off / immediate / digest, the digest hour, Slack's state */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The settings (defaults until saved) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["NotificationSettings"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        /**
         * Choose per category (sync_done, sync_failed, drift_found, credential_expiring, coverage_dropped) and the digest hour
         * @description Categories not named keep their mode. `immediate`: a Slack message per event (through a Queue that honours 429 Retry-After and disables a webhook answering 404/410); `digest`: one message a day at `digest_hour_utc`; `off`: nothing is recorded.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PutNotificationSettings"];
                };
            };
            responses: {
                /** @description The saved settings */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["NotificationSettings"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/design-sync/notifications/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Notifications recorded, newest first, with what Slack answered */
        get: {
            parameters: {
                query?: {
                    status?: "queued" | "sent" | "failed" | "digest" | "digested";
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Events and the count of failed ones */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["NotificationEventList"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/design-sync/browser-session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The project's browser test sessions, newest first, without their results */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of sessions */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["BrowserSessionSummary"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Render every story of the Storybook build in a real browser: status, console errors and a screenshot per story
         * @description Answers 202 at once with the queued session (`Location` names it); a queue consumer renders each story (the registry's stories, or `story_ids`) at the Storybook URL credential in Cloudflare Browser Rendering (production) or the local Chromium (`./cogo dev`, tests), two at a time, each in its own browser context. A story is `failed` on an uncaught error, a console error or a failed load, `timeout` when it does not render in 15 s. Screenshots are artifacts (kind `screenshot`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["BrowserSessionRequest"];
                };
            };
            responses: {
                /** @description Queued */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BrowserSession"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/design-sync/browser-session/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A browser test session and its results so far */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The session */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BrowserSession"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/design-sync/schedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The project's nightly design-sync schedule and its last run */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The schedule (disabled until set) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DesignSyncSchedule"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Turn the nightly run on or off: re-ingest Storybook, check drift, optionally sync, notify
         * @description Every night at `hour_utc`:00 UTC (a Cron Trigger): the registry is re-ingested from the Storybook URL credential, drift of the confirmed mappings is measured, what drifted is synced when `direction` is set, coverage is measured; Slack hears of drift found, syncs done or failed, and coverage dropped (per the notification settings). With `on_file_update`, a Figma FILE_UPDATE or LIBRARY_PUBLISH webhook for a mapped file runs the drift check at once.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["DesignSyncScheduleRequest"];
                };
            };
            responses: {
                /** @description The saved schedule */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DesignSyncSchedule"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/design-sync/schedule/run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run the nightly schedule now, and answer what it found */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The run */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DesignSyncScheduleRun"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/figma-compat/uui/presign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** An upload URL for a plugin export (plugin-only mode: no Figma token needed) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Presign"];
                };
            };
            responses: {
                /** @description Upload URL */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PresignResponse"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (413) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (503) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/figma-compat/uui/upload/{upload_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Upload the export to a presigned URL (the URL is the credential)
         * @description Body: the plugin export as JSON (a Figma REST file or nodes response, or JSON_REST_V1 exports). Stored in R2.
         */
        put: {
            parameters: {
                query: {
                    p: string;
                    e: string;
                    s: string;
                };
                header?: never;
                path: {
                    upload_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Stored */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UploadResult"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (413) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (503) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/figma-compat/uui/ingest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Plan an uploaded export as a job; stream and apply it like /figma-context */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Ingest"];
                };
            };
            responses: {
                /** @description Job planned */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StartFigmaContextResponse"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (413) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/figma-compat/uui/ingest/result": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** State and result of an ingest job */
        get: {
            parameters: {
                query: {
                    job_id: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Status */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FigmaJobStatus"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/llm/completions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A chat completion through router-select: JSON, or SSE `llm.delta` … `llm.done`
         * @description With `stream: true` the answer is `text/event-stream`: `llm.delta` events (`{ text }`) whose texts join to the `text` of the one terminal `llm.done` (a CompletionResult), or one terminal `error` (the error envelope's body). A provider failing before its first token is replaced silently by the next model of the policy; one cut after tokens is continued by the next provider (`continued: true`, both in `providers`) or ends with `error` `LLM_STREAM_CUT`. Budgets: 402 `BUDGET_EXCEEDED` before the call; a stream that would cross one ends with `error` `BUDGET_EXCEEDED`. `response_format` json_schema output is validated (one repair) before it is sent.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CompletionRequest"];
                };
            };
            responses: {
                /** @description The completion (JSON), or its events (text/event-stream) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CompletionResult"];
                        "text/event-stream": string;
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (402) */
                402: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (502) */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (503) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/llm/router-select": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Which provider and model a call would use now, and why each other candidate would not */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RouterSelectRequest"];
                };
            };
            responses: {
                /** @description The choice */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RouterSelectResult"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics/providers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Health of every LLM provider your project can route to, with today’s spend
         * @description Your providers, the platform's and the deployment's own (CHAT_API_BASE / EMBEDDING_API_BASE, shown with scope `platform`). Status, consecutive failures, cooldown, error rate and p50/p95 come from the provider's live circuit (its outcomes of the last 5 minutes; without any, the last stored figures); `last_probe_at` from the health cron's last probe (providers with a row only); spend and calls from your project's llm_usage since 00:00 UTC. Status: `cooldown` while the circuit is open, `degraded` above a 0.2 error rate, `unknown` with nothing observed yet.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Provider health */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ProvidersHealth"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/chat": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * One chat turn in a session: SSE `ready`, `chat.delta` … `chat.done`, or JSON
         * @description With `stream: true` (the default) the answer is `text/event-stream`: `ready` (`{ session_id, user_message_id, trace_id }`), `chat.delta` events (`{ text }`) whose texts join to the `text` of the one terminal `chat.done` (a ChatResult, sent once both messages are stored), or one terminal `error` (the error envelope's body); `keepalive` events keep the connection open. Without `session_id` a new session is started (titled by the message). The prompt is `system`, the session's last 50 complete messages and the new one, through router-select (fallback, continuation and budgets as `/llm/completions`). Retries are safe with `Idempotency-Key` (header or body `idempotency_key`): a turn already answered is sent again from the stored messages with `replayed: true`, without asking a provider; one still being answered is a 409; one that failed is asked again. A failed turn keeps the user message with status `error` and stores no assistant message. 402 / 503 / 422 are answered before any event.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ChatRequest"];
                };
            };
            responses: {
                /** @description The answer (JSON), or its events (text/event-stream) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ChatResult"];
                        "text/event-stream": string;
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (402) */
                402: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (409) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (502) */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (503) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/chat-gateway": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The orchestrator's chat ingress: an OpenAI-style message list, answered by /chat
         * @description Validates, keeps the request's trace id and hands the turn to `/chat` in process: the last `user` message is the content, the `system` messages before it the system prompt (earlier turns come from the session). With `stream: true` the same events as `/chat`; otherwise `{ output: { text }, … }`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ChatGatewayRequest"];
                };
            };
            responses: {
                /** @description The answer (JSON), or the /chat events (text/event-stream) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ChatGatewayResult"];
                        "text/event-stream": string;
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (402) */
                402: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (409) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (502) */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (503) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/chatting": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Retired: use POST /chat
         * @deprecated
         * @description The legacy chat endpoint (seed 001 §11). It always answers `410 Gone` (code `GONE`) with `Deprecation` and a `Link` to its successor, `/chat`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Gone: the successor is POST /chat */
                410: {
                    headers: {
                        Deprecation: string;
                        Link: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/chat/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your project's chat sessions, oldest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of sessions */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ChatSession"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/chat/sessions/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A chat session's messages, oldest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of messages */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["StoredMessage"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/chat/design": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A design chat turn: RAG → the model’s page → validated UI JSON preview (→ Gherkin), one trace, SSE
         * @description Seed 000 §16–§19. The message (`prompt`, or the last user message of `messages`) decides the steps: `generate` a page, `refine` the page being worked on (`cogo_ui_json`, else the project’s last applied generated page), `bdd` — Gherkin scenarios for the page ("Refine button styles and add login flow BDD" is refine + bdd).
         *
         *     Events (`text/event-stream`): `meta` { trace_id, intents } first; `progress` { step: rag|plan|ui|bdd, status: started|done|skipped }; `rag.item` (a RagSearchItem) per retrieved chunk and `rag.done` { count } — the project’s own components and tokens rank in its design index beside its documents; `llm.delta` { text } as the model writes the page and `llm.done` { usage, provider, model }; `ui.preview` — the validated, pruned, matched UI JSON (or its `artifact` pointer when over ARTIFACT_INLINE_MAX_BYTES) with `sections`, `tokens_used`, `report` and a one-line `summary`; `bdd.done` { feature, scenarios }; then exactly one of `done` { trace_id, intents, usage, timings } or `error` (the error envelope’s body). `keepalive` events keep the connection open.
         *
         *     Every step records bus events on the trace — `gen_plan_scheduled|started|succeeded|failed`, `rag_query_*`, `ui_generate_*`, `bdd_generated` — so GET /metrics/trace/{traceId} shows the path with durations, tokens and cost; apply the previewed page with POST /figma-context/apply `{ page, trace_id }` to put the apply on the same trace. Retrieval that fails (no embedding provider) is skipped with `progress` `skipped`; the model’s page that is not valid UI JSON after one repair ends with `error` `LLM_BAD_OUTPUT`. 400 before any event for a request without a message.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ChatDesignRequest"];
                };
            };
            responses: {
                /** @description The turn’s events */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": string;
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (413) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/embed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Embeddings through router-select: JSON, or SSE `ready` · `embed.status` … `embed.done`
         * @description Inputs go to the provider in batches of at most `EMBED_MAX_BATCH`, in order; `data[i]` is the vector of input `i`. Each batch is retried `EMBED_PROVIDER_MAX_RETRIES` times (honouring `Retry-After`); a provider that still fails with 429, 5xx or a timeout is replaced by the next of the policy (vectors of one answer always come from one model). Every vector has `VECTOR_DIMENSIONS` components, else 502 `EMBED_DIMENSION_MISMATCH` and no vectors. With `stream: true` the answer is `text/event-stream`: `ready` (`{ trace_id, inputs, batches }`), one `embed.status` (`{ batch, batches, done }`) per batch, then one terminal `embed.done` (an EmbedResult) or `error` (the error envelope's body). Budgets: 402 `BUDGET_EXCEEDED` before the call. Rate-limited by `EMBED_RATE_LIMIT_PER_MIN`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["EmbedRequest"];
                };
            };
            responses: {
                /** @description The vectors (JSON), or the call's events (text/event-stream) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EmbedResult"];
                        "text/event-stream": string;
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (402) */
                402: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (502) */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (503) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rag/ingest/upsert": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ingest a small batch of documents synchronously: chunk, embed, store
         * @description Each item is a document of the project, identified by `source` (default `doc`) and `id`. Its text is cut into chunks of ~400 tokens (estimated at 4 characters per token) with ~60 tokens of overlap, at headings first, never inside a fenced code block that fits, each chunk prefixed with its heading path. A document whose title, text and metadata are unchanged and whose chunks carry the current embedding model's vectors is `unchanged`: no provider call, no write. A changed document's chunks are replaced, but a chunk with the same text keeps its vector. The embedding calls go through `/embed`'s routing before anything is written, so a provider failure (502) stores nothing. 503 `SERVICE_UNAVAILABLE` when `VECTOR_DIMENSIONS` differs from the stored embeddings' size (`get_vector_dim()`). Rate-limited as `/embed`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RagUpsertRequest"];
                };
            };
            responses: {
                /** @description One entry per item, in request order */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RagUpsertResult"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (402) */
                402: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (413) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (502) */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (503) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rag/ingest/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a queued ingestion: a job that takes items over `/rag/ingest/stream` calls and embeds them through a queue
         * @description Answers the job (status `open`). Send its items with `POST /rag/ingest/stream` (≤ 100 per call, as many calls as you like), follow it with `GET /rag/ingest/jobs/{id}`. Rate-limited as `/embed`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RagIngestStartRequest"];
                };
            };
            responses: {
                /** @description The new job */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RagIngestJob"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rag/ingest/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a job items; SSE `rag.ingest.item` per item, `rag.ingest.progress` while the queue embeds them, then `rag.ingest.done`
         * @description Each item is chunked and stored at once, as `/rag/ingest/upsert` does (an unchanged document is `unchanged`: nothing queued; a chunk with the same text keeps its vector), but without a vector: its chunks go to the embedding queue in messages of `EMBED_MAX_BATCH` (each message one provider call, paced per project by `EMBED_RATE_LIMIT_PER_MIN`, retried after the provider's `Retry-After` or 2^attempt s, after 3 retries dead-lettered: the chunks are then `failed` and the job shows the errors). Full-text retrieval finds the documents at once, vector retrieval once embedded. Everything is validated and stored before the answer starts, so a 4xx stores nothing. The answer is `text/event-stream`: one `rag.ingest.item` per item in order, `rag.ingest.progress` (`{ queued, embedded, pending, failed }` of this call's chunks) when it changes, then one terminal `rag.ingest.done` (with `settled: false` when `wait_seconds` ran out first) or `error`. 404 when the job is not the project's; 503 when `VECTOR_DIMENSIONS` differs from `get_vector_dim()`. Rate-limited as `/embed`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RagIngestStreamRequest"];
                };
            };
            responses: {
                /** @description The events (text/event-stream) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": string;
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (413) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (503) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rag/ingest/jobs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A queued ingestion: its status, chunk counts and last errors */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The job */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RagIngestJob"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rag": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Hybrid retrieval (vector + full text, reciprocal-rank fusion): JSON, or SSE `rag.item` … `rag.done`
         * @description The query is embedded through `/embed`'s routing; the project's chunks embedded by that same model are ranked by cosine distance, and all its chunks by full text (`websearch_to_tsquery('english', q)`, `ts_rank_cd`). The top max(limit × 4, 40) of each list are fused: `score` = Σ 1 / (60 + rank), `vector_rank` / `text_rank` are null where a list did not have the chunk. `filter` (source, metadata containment `@>`, document ids) applies to both lists and still returns `limit` items when that many match: the vector list uses an iterative HNSW scan and, if that is short, exact search. With `stream: true` the answer is `text/event-stream`: one `rag.item` per item in order, then one terminal `rag.done` (`{ count, trace_id }`) or `error` (the error envelope's body). 503 `SERVICE_UNAVAILABLE` when `VECTOR_DIMENSIONS` differs from `get_vector_dim()`. Rate-limited as `/embed`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RagSearchRequest"];
                };
            };
            responses: {
                /** @description The fused items (JSON), or their events (text/event-stream) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RagSearchResult"];
                        "text/event-stream": string;
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (402) */
                402: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (502) */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (503) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rename-layers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rename layers meaningfully, in parallel batches (a queued job)
         * @description The layers are split into batches of RENAME_BATCH_SIZE (10), siblings together; the job runs at most RENAME_MAX_CONCURRENT (5) model calls at once through the LLM gateway. Each batch's answer must name every id once; names get the project's casing (PUT /api/ai/settings) and stay unique among siblings. A failed batch is retried (3 attempts, 1 s then 2 s, or the provider's Retry-After) and then reported in `result.failed` without losing the others. Partial results show on GET /api/jobs/{id} while it runs. Rate limited per user (key or JWT subject): AI_RATE_LIMIT_PER_MIN (10) a minute for rename-layers, AI_HEAVY_RATE_LIMIT_PER_MIN (3) for generate-edits and generate-images; a 429 says when to retry (`Retry-After`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RenameLayersRequest"];
                };
            };
            responses: {
                /** @description `dry_run: true`: the estimate only, nothing queued */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AiDryRun"];
                    };
                };
                /** @description Queued: poll `poll_url` or stream `stream_url` */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AiJobAccepted"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (402) */
                402: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (413) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (503) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/generate-edits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Design edits for a selection: streamed (SSE) or a queued job
         * @description `mode: "stream"` answers `text/event-stream`: `ready` ({ trace_id }), `edits.delta` ({ text }: the model's answer as it comes, a preview), then exactly one `edits.done` (the validated GenerateEditsResult) or `error` (the envelope's body). `mode: "queued"` (default) answers 202 with a job. `prompt_name` picks a prompt of GET /api/prompts. Edits on nodes outside the selection are dropped and listed in `dropped`. Rate limited per user (key or JWT subject): AI_RATE_LIMIT_PER_MIN (10) a minute for rename-layers, AI_HEAVY_RATE_LIMIT_PER_MIN (3) for generate-edits and generate-images; a 429 says when to retry (`Retry-After`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["GenerateEditsRequest"];
                };
            };
            responses: {
                /** @description `dry_run`: the estimate; `mode: "stream"`: the events */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AiDryRun"];
                        "text/event-stream": string;
                    };
                };
                /** @description Queued: poll `poll_url` or stream `stream_url` */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AiJobAccepted"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (402) */
                402: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (413) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (503) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/generate-images": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Generate images (a queued job; images stored in R2, served by /artifacts)
         * @description The request is stored in R2 (an artifact of kind `job_input`) and the job row keeps only its pointer; each image is asked for alone from the provider's OpenAI-compatible images API and stored as an `image` artifact before the next, so none is ever held with another in memory or written to Postgres. The result lists the artifacts (GET /artifacts/{id} serves the PNG). Rate limited per user (key or JWT subject): AI_RATE_LIMIT_PER_MIN (10) a minute for rename-layers, AI_HEAVY_RATE_LIMIT_PER_MIN (3) for generate-edits and generate-images; a 429 says when to retry (`Retry-After`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["GenerateImagesRequest"];
                };
            };
            responses: {
                /** @description `dry_run: true`: the estimate only, nothing queued */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AiDryRun"];
                    };
                };
                /** @description Queued: poll `poll_url` or stream `stream_url` */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AiJobAccepted"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (413) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (503) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The project's jobs, newest first (filters: type, status, mine) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    /** @description rename-layers, generate-edits, generate-images, figma-context … */
                    type?: string;
                    status?: components["schemas"]["AiJobStatus"];
                    /** @description `true`: only the jobs you started */
                    mine?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of jobs */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["AiJob"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Poll a job (seed 004): status, progress, result (partial while a rename runs), error
         * @description A finished job whose result is over ARTIFACT_INLINE_MAX_BYTES (a rename of thousands of layers) keeps it as a `job_output` artifact: `result` is null and `result_artifact` points at it (GET its `url` with the same key; kept ARTIFACT_TTL_DAYS). A running or cancelled rename shows the names of its finished batches inline, computed at each poll.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The job */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AiJob"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A job's live progress as SSE; resumable with Last-Event-ID
         * @description Every event of the job in order, each with its sequence number as `id`: `job.queued`, `job.started`, `job.progress` (a batch's names, an image's artifact), `job.retrying`, then one of `job.completed` / `job.failed` / `job.cancelled`, followed by exactly one terminal `done` (the job as GET /api/jobs/{id} shows it). Reconnecting with `Last-Event-ID: n` sends only the events after n.
         */
        get: {
            parameters: {
                query?: never;
                header?: {
                    "last-event-id"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The events */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": string;
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a queued or running job: no further batch or image is started */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The cancelled job */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AiJob"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (409) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/prompts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The prompt files a request may name (`prompt_name`) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The prompts */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["PromptInfo"][];
                        };
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ai/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The project's AI settings: naming convention and rules, job retention */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The settings */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AiSettings"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        /** Replace the project's AI settings */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["AiSettings"];
                };
            };
            responses: {
                /** @description The settings now */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AiSettings"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        ErrorEnvelope: {
            error: {
                code: components["schemas"]["ErrorCode"];
                message: string;
                requestId: string;
                details?: {
                    issues?: components["schemas"]["ErrorIssue"][];
                } & {
                    [key: string]: unknown;
                };
            };
        };
        /** @enum {string} */
        ErrorCode: "BAD_REQUEST" | "VALIDATION_FAILED" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND" | "METHOD_NOT_ALLOWED" | "CONFLICT" | "PAYLOAD_TOO_LARGE" | "UNPROCESSABLE" | "RATE_LIMITED" | "INTERNAL" | "UPSTREAM_FAILED" | "SERVICE_UNAVAILABLE" | "CANCELLED" | "FIGMA_FORBIDDEN" | "FIGMA_NOT_FOUND" | "FIGMA_RATE_LIMITED" | "FIGMA_QUOTA_EXHAUSTED" | "FIGMA_TOO_LARGE" | "FIGMA_BAD_RESPONSE" | "FIGMA_UPSTREAM" | "GONE" | "BUDGET_EXCEEDED" | "LLM_NO_PROVIDER" | "LLM_UPSTREAM" | "LLM_STREAM_CUT" | "LLM_BAD_OUTPUT" | "EMBED_DIMENSION_MISMATCH";
        ErrorIssue: {
            /** @example body.figma_url */
            path: string;
            message: string;
            code?: string;
        };
        Liveness: {
            /** @enum {string} */
            status: "ok";
            /** @example 0.1.0 */
            version: string;
            /** @example 2026-11-22T02:00:00.000Z */
            time: string;
        };
        Health: {
            /** @enum {string} */
            status: "ok" | "degraded";
            /** @example 0.1.0 */
            version: string;
            /** @example 2026-11-22T02:00:00.000Z */
            time: string;
            db: {
                ok: boolean;
                serverVersion?: string;
                vectorVersion?: string | null;
                migrations?: number;
                /** @description ms until the probe's own connection was ready; locally this includes waiting for the embedded database's turn */
                connectMs?: number;
                /** @description ms until the probe was answered, connecting included */
                latencyMs?: number;
                error?: string;
            };
        };
        DependencyHealth: {
            /** @enum {string} */
            status: "ok" | "degraded";
            version: string;
            time: string;
            failing: ("database" | "queue" | "providers")[];
            checks: {
                /** @description Answers within 3 s on its own connection (latency_ms) */
                database: {
                    ok: boolean;
                    error?: string;
                } & {
                    [key: string]: unknown;
                };
                /** @description No AI job waits in `queued` longer than AI_JOB_STALL_SECONDS (oldest_queued_seconds): the queue delivers and its consumer runs */
                queue: {
                    ok: boolean;
                    error?: string;
                } & {
                    [key: string]: unknown;
                };
                /** @description The deployment's LLM providers: none configured, or at least one whose circuit is closed (items: name, status) */
                providers: {
                    ok: boolean;
                    error?: string;
                } & {
                    [key: string]: unknown;
                };
            };
        };
        CreatedProject: {
            project: components["schemas"]["Project"];
            api_key: components["schemas"]["IssuedApiKey"];
        };
        Project: {
            /**
             * Format: uuid
             * @example 4f6c1a9e-2f1b-4c53-9a53-0d8b1e7d9c11
             */
            id: string;
            slug: string;
            name: string;
            created_at: string;
        };
        IssuedApiKey: components["schemas"]["ApiKey"] & {
            /** @description The full key. Shown once; store it now. */
            key: string;
        };
        ApiKey: {
            /**
             * Format: uuid
             * @example 4f6c1a9e-2f1b-4c53-9a53-0d8b1e7d9c11
             */
            id: string;
            name: string;
            /**
             * @description The only part of a key shown again after creation
             * @example cogo_k3j9x2mz
             */
            prefix: string;
            created_at: string;
            last_used_at: string | null;
            expires_at: string | null;
            revoked_at: string | null;
            rotated_from: string | null;
        };
        CreateProject: {
            /** @example storefront */
            slug: string;
            /** @example Storefront */
            name: string;
        };
        CreateApiKey: {
            /** @example ci */
            name: string;
            expires_in_days?: number;
        };
        ProjectUpdatesPage: {
            items: components["schemas"]["ProjectUpdate"][];
            /** @description the `after` of the next page; null when this page is the last */
            next_after: string | null;
            /** @description the project's newest update id now (0: none): a follower starting now follows from it */
            latest_id: number;
        };
        ProjectUpdate: {
            /** @description global order of changes; pass the last one as `after` */
            id: number;
            /** @enum {string} */
            entity: "page" | "project_page" | "component" | "project" | "token_version" | "action_flow";
            /**
             * Format: uuid
             * @example 4f6c1a9e-2f1b-4c53-9a53-0d8b1e7d9c11
             */
            entity_id: string;
            /** @enum {string} */
            operation: "insert" | "update" | "delete";
            content_hash: string | null;
            /** @description 1, 2, 3 … per entity */
            version: number;
            trace_id: string | null;
            created_at: string;
            delivered_at: string | null;
        };
        ReplayUpdatesResult: {
            sent: number;
            /** @description true when more remain: call again */
            more: boolean;
        };
        ReplayUpdates: {
            /**
             * Format: uuid
             * @example 4f6c1a9e-2f1b-4c53-9a53-0d8b1e7d9c11
             */
            project_id?: string;
            /** Format: date-time */
            since?: string;
        };
        SecretVersion: {
            alias: string;
            version: number;
            /** @enum {string} */
            status: "active" | "rotated" | "revoked";
            /** @description Last 4 characters of the value; null when it has under 12 */
            last4: string | null;
            created_at: string;
            updated_at: string;
            revoked_at: string | null;
        };
        PutSecret: {
            /** @description Write-only; never returned */
            value: string;
        };
        SecretAudit: {
            alias: string;
            version: number | null;
            /** @enum {string} */
            action: "set" | "rotate" | "revoke" | "use";
            actor: string;
            trace_id: string | null;
            at: string;
        };
        Provider: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            scope: "platform" | "project";
            name: string;
            base_url: string;
            key_alias: string | null;
            quirks: components["schemas"]["ProviderQuirks"];
            region: string | null;
            enabled: boolean;
            created_at: string;
            updated_at: string;
        };
        ProviderQuirks: {
            /**
             * @description Sent on every embeddings call (DeepInfra needs float)
             * @enum {string}
             */
            embeddings_encoding_format?: "float" | "base64";
            /** @description false: the provider ignores stream_options.include_usage (tokens are counted, rows marked estimated) */
            stream_usage?: boolean;
            extra_headers?: {
                [key: string]: string;
            };
            /** @enum {string} */
            max_tokens_param?: "max_tokens" | "max_completion_tokens";
        };
        CreateProvider: {
            name: string;
            /**
             * Format: uri
             * @example https://api.deepinfra.com/v1/openai
             */
            base_url: string;
            /**
             * @description Vault alias of the API key (the project's vault, then the deployment secret of that name)
             * @default null
             */
            key_alias: string | null;
            quirks?: components["schemas"]["ProviderQuirks"];
            /** @default null */
            region: string | null;
            /** @default true */
            enabled: boolean;
        };
        UpdateProvider: {
            /** Format: uri */
            base_url?: string;
            key_alias?: string | null;
            quirks?: components["schemas"]["ProviderQuirks"];
            region?: string | null;
            enabled?: boolean;
        };
        Model: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            scope: "platform" | "project";
            provider: string;
            name: string;
            upstream_model: string;
            /** @enum {string} */
            kind: "chat" | "embedding";
            context_window: number;
            input_price_per_mtok: number;
            output_price_per_mtok: number;
            dimensions: number | null;
            enabled: boolean;
            created_at: string;
            updated_at: string;
        };
        CreateModel: {
            provider: string;
            /** @example gpt-4o-mini */
            name: string;
            /** @description The provider's id of the model; default: name */
            upstream_model?: string;
            /** @enum {string} */
            kind: "chat" | "embedding";
            /** @default 128000 */
            context_window: number;
            /**
             * @description USD per 1M tokens
             * @default 0
             */
            input_price_per_mtok: number;
            /**
             * @description USD per 1M tokens
             * @default 0
             */
            output_price_per_mtok: number;
            /** @default null */
            dimensions: number | null;
            /** @default true */
            enabled: boolean;
        };
        UpdateModel: {
            upstream_model?: string;
            /** @enum {string} */
            kind?: "chat" | "embedding";
            context_window?: number;
            /** @description USD per 1M tokens */
            input_price_per_mtok?: number;
            /** @description USD per 1M tokens */
            output_price_per_mtok?: number;
            dimensions?: number | null;
            enabled?: boolean;
        };
        RoutingPolicy: {
            /**
             * @description Empty: every enabled model
             * @default []
             */
            allowed_models: string[];
            /**
             * @description Tried after the requested (or default) model, in order
             * @default []
             */
            fallback_order: string[];
            /** @default null */
            daily_budget_usd: number | null;
            /** @default null */
            monthly_budget_usd: number | null;
            /**
             * @description Skip a provider whose rolling error rate is above this (0–1) while another is available
             * @default null
             */
            error_budget: number | null;
            /** @default null */
            region: string | null;
        };
        Job: {
            /**
             * Format: uuid
             * @example 4f6c1a9e-2f1b-4c53-9a53-0d8b1e7d9c11
             */
            id: string;
            kind: string;
            status: string;
            progress: {
                [key: string]: unknown;
            };
            result: {
                [key: string]: unknown;
            } | null;
            error: {
                code: string;
                message: string;
            } | null;
            trace_id: string | null;
            created_at: string;
            updated_at: string;
            finished_at: string | null;
        };
        Page: {
            /**
             * Format: uuid
             * @example 4f6c1a9e-2f1b-4c53-9a53-0d8b1e7d9c11
             */
            id: string;
            file_key: string;
            node_id: string;
            name: string;
            content_hash: string | null;
            created_at: string;
            updated_at: string;
        };
        CogoUiJson: {
            /** @enum {string} */
            schema: "cogo_ui_json";
            /** @enum {string} */
            version: "1.0";
            page: {
                /** @example hero-1 */
                id: string;
                name: string;
                source: components["schemas"]["UiPageSource"];
                layout?: components["schemas"]["UiLayout"];
                /** @description Style properties (camelCase CSS names: `background`, `color`, `borderRadius`…); a value `{path.to.token}` references a design token */
                style?: {
                    [key: string]: string | number;
                };
                sections: components["schemas"]["UiSection"][];
            };
        };
        UiPageSource: {
            /** @enum {string} */
            kind: "generated";
            /** @enum {string} */
            generator: "keyword" | "llm";
            prompt?: string;
        } | {
            /** @enum {string} */
            kind: "figma";
            file_key: string;
            node_id: string;
            /** Format: uuid */
            page_id?: string;
        };
        UiLayout: {
            /** @enum {string} */
            direction?: "row" | "column";
            gap?: number | string;
            padding?: number | string;
            /** @enum {string} */
            align?: "start" | "center" | "end" | "stretch";
            /** @enum {string} */
            justify?: "start" | "center" | "end" | "between";
            columns?: number;
            width?: ("fill" | "hug") | number;
            height?: ("fill" | "hug") | number;
        };
        UiSection: {
            /** @example hero-1 */
            id: string;
            /** @description `hero`, `cta`, `features`, `pricing`, `login_form`, `navbar`, `footer`, `testimonials`, `faq`, `generic`… */
            type: string;
            name: string;
            layout?: components["schemas"]["UiLayout"];
            /** @description Style properties (camelCase CSS names: `background`, `color`, `borderRadius`…); a value `{path.to.token}` references a design token */
            style?: {
                [key: string]: string | number;
            };
            blocks: components["schemas"]["UiBlock"][];
        };
        UiBlock: {
            /** @example hero-1 */
            id: string;
            /** @description `stack`, `grid`, `form`, `card-row`, `media`… */
            type: string;
            name?: string;
            layout?: components["schemas"]["UiLayout"];
            /** @description Style properties (camelCase CSS names: `background`, `color`, `borderRadius`…); a value `{path.to.token}` references a design token */
            style?: {
                [key: string]: string | number;
            };
            components: components["schemas"]["UiComponentNode"][];
        };
        UiComponentNode: {
            /** @example hero-1 */
            id: string;
            /** @description `button`, `text`, `heading`, `image`, `input`, `link`, `icon`, `card`, `list`, `container`, `component`… */
            type: string;
            name?: string;
            component?: components["schemas"]["UiComponentRef"];
            text?: string;
            /** @description Plain values only (strings, numbers, booleans, null) */
            props?: {
                [key: string]: string | number | boolean | null;
            };
            layout?: components["schemas"]["UiLayout"];
            /** @description Style properties (camelCase CSS names: `background`, `color`, `borderRadius`…); a value `{path.to.token}` references a design token */
            style?: {
                [key: string]: string | number;
            };
            actions?: components["schemas"]["UiAction"][];
            children?: components["schemas"]["UiComponentNode"][];
        };
        UiComponentRef: {
            name: string;
            /**
             * Format: uuid
             * @description The project's stored component (figma-context apply)
             */
            component_id?: string;
            /** @description Its Figma node id */
            node_id?: string;
        };
        UiAction: {
            /** @enum {string} */
            on: "click" | "submit" | "change" | "load";
            /** @enum {string} */
            type: "navigate" | "open_url" | "submit" | "toggle" | "scroll_to" | "custom";
            /** @description A page/section/node id (navigate, scroll_to, toggle) or a custom action name */
            target?: string;
            /** @description open_url only: http(s), mailto, tel or a relative path */
            url?: string;
        };
        UuiJson: {
            /** @enum {string} */
            schema: "uui_json";
            /** @enum {string} */
            version: "1.0";
            root: components["schemas"]["UuiNode"];
            /** @description CSS custom property (`--color-brand-primary`) → token path (`color.brand.primary`) */
            tokens: {
                [key: string]: string;
            };
        };
        UuiNode: {
            /** @example hero-1 */
            id: string;
            type: string;
            text?: string;
            /** @description Plain values only (strings, numbers, booleans, null) */
            props: {
                [key: string]: string | number | boolean | null;
            };
            /** @description Style properties (camelCase CSS names: `background`, `color`, `borderRadius`…); a value `{path.to.token}` references a design token */
            style: {
                [key: string]: string | number;
            };
            on?: components["schemas"]["UiAction"][];
            meta: components["schemas"]["UuiMeta"];
            children: components["schemas"]["UuiNode"][];
        };
        UuiMeta: {
            /** @enum {string} */
            kind: "page" | "section" | "block" | "component";
            /** @description The cogo_ui_json type of the node */
            type: string;
            name?: string;
            component?: components["schemas"]["UiComponentRef"];
            source?: components["schemas"]["UiPageSource"] & unknown;
            layout?: components["schemas"]["UiLayout"];
            /** @description Style property → token path, for each style value that references a token */
            tokens?: {
                [key: string]: string;
            };
            /** @description Style properties the node sets itself that its layout sets too (the node's own value wins in `style`) */
            own_style?: string[];
            /** @description Fields the cogo_ui_json node has but left empty (`{}` / `[]`), which `style`/`props`/`children` cannot tell from absent ones */
            empty?: ("props" | "style" | "children")[];
        };
        TraceTimeline: {
            trace_id: string;
            /** @description from the earliest to the latest moment of the trace: event times, and the start (at − duration) and end of each request and LLM call; null when the trace has nothing */
            duration_ms: number | null;
            /** @description bus events in emission order (at most 1000) */
            events: components["schemas"]["TimelineEvent"][];
            /** @description `<name>_started` opens step `<name>`; the next `<name>_succeeded|failed|done` closes the oldest open step of that name. A closing event without a start is a step with started_at null; `<name>_scheduled` sets scheduled_at of the next step of that name. In start order (a step without a start at its first event). */
            steps: components["schemas"]["TraceStep"][];
            llm: components["schemas"]["TraceLlmUsage"];
            /** @description oldest first (at most 1000) */
            requests: components["schemas"]["TraceRequest"][];
        };
        TimelineEvent: {
            id: number;
            type: string;
            source: string;
            project_id: string | null;
            at: string;
            payload: {
                [key: string]: unknown;
            };
        };
        TraceStep: {
            /** @description the event type without its suffix: gen_plan, ui_generate, rag_query, figma_apply, figma_job… */
            name: string;
            /** @description when `<name>_scheduled` came, if it did */
            scheduled_at: string | null;
            /** @description null when the step was closed (or only scheduled) without a `<name>_started` */
            started_at: string | null;
            ended_at: string | null;
            /** @description ended_at − started_at; null unless both are known */
            duration_ms: number | null;
            outcome: components["schemas"]["TraceStepOutcome"];
            /** @description the payloads of its scheduled, started and closing events merged, later keys winning */
            payload: {
                [key: string]: unknown;
            };
        };
        /** @enum {string} */
        TraceStepOutcome: "succeeded" | "failed" | "done" | "open";
        TraceLlmUsage: {
            /** @description oldest first (at most 1000) */
            calls: components["schemas"]["TraceLlmCall"][];
            /** @description over every call of the trace, also beyond the 1000 listed */
            totals: {
                calls: number;
                tokens_in: number;
                tokens_out: number;
                cost_usd: number;
            };
        };
        TraceLlmCall: {
            route: string;
            model: string;
            provider: string;
            tokens_in: number;
            tokens_out: number;
            cost_usd: number;
            latency_ms: number;
            first_token_ms: number | null;
            outcome: string;
            /** @description when the call ended */
            at: string;
        };
        TraceRequest: {
            route: string;
            method: string;
            status: number;
            duration_ms: number;
            /** @description when the response was done */
            at: string;
        };
        /** @example 4bf92f3577b34da6a3ce929d0e0e4736 */
        TraceId: string;
        RouteStat: {
            route: string;
            method: string;
            count: number;
            /** @description share of 5xx */
            error_rate: number;
            /** @description share of 4xx */
            client_error_rate: number;
            p50_ms: number;
            p95_ms: number;
            slo: components["schemas"]["RouteSlo"];
        };
        RouteSlo: {
            /** @description SLO_P95_MS, or SLO_LLM_P95_MS for /chat, /chat-gateway, /llm/completions and /embed */
            p95_target_ms: number;
            /** @description SLO_ERROR_RATE: largest share of 5xx */
            error_rate_target: number;
            p95_ok: boolean;
            error_rate_ok: boolean;
        };
        DesignSyncMetrics: {
            /** @description Sync operations in the window (no-ops left out) */
            syncs: number;
            sync_p50_ms: number | null;
            sync_p95_ms: number | null;
            components: {
                applied: number;
                unchanged: number;
                failed: number;
            };
            undo_success: number;
            undo_refused: number;
            /** @description All time */
            notifications_failed: number;
            /** @description All time */
            notifications_sent: number;
            /** @description Drift items judged by users, all time */
            drift_feedback: number;
            false_positive_ratio: number | null;
            browser_sessions: number;
            browser_initiation_p50_ms: number | null;
            browser_initiation_p95_ms: number | null;
        };
        SpendByDay: {
            /** @description 00:00 UTC of the first day */
            since: string;
            days: components["schemas"]["SpendDay"][];
            total: {
                calls: number;
                cost_usd: number;
            };
        };
        SpendDay: {
            /** @description UTC date, YYYY-MM-DD */
            day: string;
            calls: number;
            cost_usd: number;
            models: components["schemas"]["SpendModel"][];
        };
        SpendModel: {
            model: string;
            calls: number;
            tokens_in: number;
            tokens_out: number;
            cost_usd: number;
        };
        StartFigmaContextResponse: {
            /**
             * Format: uuid
             * @example 4f6c1a9e-2f1b-4c53-9a53-0d8b1e7d9c11
             */
            job_id: string;
            /** @example 0 */
            first_cursor: string;
            file_key: string;
            node_id: string | null;
            cache: components["schemas"]["FigmaCacheStatus"];
            /** @description the file's version per Figma's /meta, asked with the project's own token (null: not asked, or it did not answer) */
            file_version: string | null;
            /** @description why the cache was bypassed or off; null otherwise */
            cache_note: string | null;
            plan: components["schemas"]["FigmaPlan"];
        };
        /** @enum {string} */
        FigmaCacheStatus: "hit" | "partial" | "miss" | "bypass" | "off";
        FigmaPlan: {
            pages: {
                id: string;
                name: string;
                frame_count: number;
            }[];
            chunks: number;
            /** @description stream calls needed at ≤ max_ids_per_call ids each */
            calls: number;
            node_count_estimate: number;
            /** @description Figma calls the job makes by endpoint tier, start's included, after the version cache (a hit: tier1 0, tier2 1 — its own /meta). The stream's /nodes requests are sized from answer sizes: replayed over the cache index when it holds the version, else at the size the project's last job on the file learned (one request per chunk when none did) */
            figma_calls: {
                tier1: number;
                tier2: number;
            };
            /** @description how long the stream's Figma calls wait for the token's budget (FigmaPacer), at the plan's rate; Figma's own latency not included */
            estimated_seconds: number;
        };
        StartFigmaContext: {
            /** @example https://www.figma.com/design/COGOSAMPLE0001/Storefront?node-id=1-2 */
            figma_url?: string;
            file_key?: string;
            /** @example 9:5240 */
            node_id?: string;
            options?: {
                /** @description most node ids one stream call plans, and one Figma /nodes request takes (small chunks are fetched together up to it) */
                max_ids_per_call?: number;
                max_nodes_per_chunk?: number;
            };
        };
        StreamFigmaContext: {
            /**
             * Format: uuid
             * @example 4f6c1a9e-2f1b-4c53-9a53-0d8b1e7d9c11
             */
            job_id: string;
            /** @default 0 */
            cursor: string;
        };
        FigmaJobStatus: {
            /**
             * Format: uuid
             * @example 4f6c1a9e-2f1b-4c53-9a53-0d8b1e7d9c11
             */
            job_id: string;
            kind: string;
            /** @enum {string} */
            status: "pending" | "running" | "done" | "error" | "cancelled";
            file_key: string | null;
            node_id: string | null;
            progress: {
                chunks_done: number;
                chunks_total: number;
                last_event_id: number;
            };
            counts: {
                [key: string]: number;
            };
            last_error: {
                code: string;
                message: string;
            } | null;
            created_at: string;
            updated_at: string;
        };
        JobIdBody: {
            /**
             * Format: uuid
             * @example 4f6c1a9e-2f1b-4c53-9a53-0d8b1e7d9c11
             */
            job_id: string;
        };
        ApplyResult: {
            /**
             * Format: uuid
             * @example 4f6c1a9e-2f1b-4c53-9a53-0d8b1e7d9c11
             */
            page_id: string;
            inserted: number;
            updated: number;
            deleted: number;
            unchanged: number;
        };
        ApplyFigmaContext: {
            /**
             * Format: uuid
             * @description The figma-context job whose page this is (required for a Figma page; absent for a generated page)
             * @example 4f6c1a9e-2f1b-4c53-9a53-0d8b1e7d9c11
             */
            job_id?: string;
            /** @description A Figma page of the job (`{ node_id, name, components }`), or a generated page: a `cogo_ui_json` document (POST /figma-compat/uui/generate, `ui.preview` of /chat/design), stored under file key `generated` in one transaction (its sections, blocks and components as rows, written 300 a statement) */
            page: components["schemas"]["ApplyPage"] | components["schemas"]["CogoUiJson"];
            /** @description For Figma pages split across calls: components absent from every batch are removed after the last one */
            batch?: {
                index: number;
                count: number;
            };
            trace_id?: components["schemas"]["TraceId"] & unknown;
        };
        ApplyPage: {
            /** @description Figma node id of the page (CANVAS) or top-level frame */
            node_id: string;
            name: string;
            /** @description At most 300 per call; split larger pages with batch */
            components: components["schemas"]["ApplyComponent"][];
        };
        ApplyComponent: {
            node_id: string;
            name: string;
            type: string;
            props?: {
                [key: string]: unknown;
            };
        };
        FigmaContextPage: {
            /**
             * Format: uuid
             * @example 4f6c1a9e-2f1b-4c53-9a53-0d8b1e7d9c11
             */
            job_id: string;
            /** @enum {string} */
            format: "text" | "json";
            /** @enum {string} */
            job_status: "pending" | "running" | "done" | "error" | "cancelled";
            /** @description true unless the job is done: the context holds only the chunks logged up to through_event_id */
            partial: boolean;
            /** @description the last event of the job log this sequence of pages reads (fixed by its first page) */
            through_event_id: number;
            /** @description this page; the pages of one sequence concatenated are the whole rendering, byte for byte */
            content: string;
            /** @description UTF-8 bytes of content (≤ max_bytes) */
            bytes: number;
            /** @description null at the end */
            next_cursor: string | null;
        };
        FigmaImagesResponse: {
            file_key: string;
            format: components["schemas"]["FigmaImageFormat"];
            scale: number;
            artifacts: components["schemas"]["FigmaArtifact"][];
            /** @description what Figma could not render (its `images: { id: null }`) or what could not be downloaded */
            failed: {
                node_id: string | null;
                image_ref: string | null;
                /** @enum {string} */
                reason: "not_renderable" | "download_failed" | "too_large";
                message: string;
            }[];
            figma_calls: {
                tier1: number;
                tier2: number;
                downloads: number;
            };
        };
        /** @enum {string} */
        FigmaImageFormat: "png" | "jpg" | "svg" | "pdf";
        FigmaArtifact: {
            /** @example figma/COGOSAMPLE0001/nodes/1-2@2x.png */
            name: string;
            /** @enum {string} */
            kind: "node" | "fill";
            node_id: string | null;
            image_ref: string | null;
            content_type: string;
            bytes: number;
            /** @description download it through the API (same credentials), e.g. /figma-context/artifacts?name=… */
            url: string;
            /**
             * @description `existing`: already in the project's store, nothing fetched
             * @enum {string}
             */
            stored: "new" | "existing";
        };
        FigmaImagesRequest: {
            /** @example https://www.figma.com/design/COGOSAMPLE0001/Storefront?node-id=1-2 */
            figma_url?: string;
            file_key?: string;
            /**
             * @description nodes to render (the URL's node-id is added)
             * @example [
             *       "1:2",
             *       "9:5240"
             *     ]
             */
            node_ids?: string[];
            format?: components["schemas"]["FigmaImageFormat"];
            /**
             * @description render scale, 0.01–4 (Figma's range)
             * @default 1
             */
            scale: number;
            /**
             * @description also store every image fill of the file (by imageRef)
             * @default false
             */
            include_fills: boolean;
            /**
             * @description render again even if a render of the same node, format and scale is stored for the file's current version
             * @default false
             */
            refresh: boolean;
        };
        FigmaWebhook: {
            /** Format: uuid */
            id: string;
            figma_webhook_id: string;
            event_type: components["schemas"]["FigmaWebhookEvent"];
            /** @enum {string} */
            context: "file" | "project" | "team";
            context_id: string;
            endpoint: string;
            status: string;
            description: string | null;
            last_event_at: string | null;
            created_at: string;
        };
        /** @enum {string} */
        FigmaWebhookEvent: "FILE_UPDATE" | "LIBRARY_PUBLISH";
        RegisterFigmaWebhook: {
            event_type: components["schemas"]["FigmaWebhookEvent"];
            /**
             * @default file
             * @enum {string}
             */
            context: "file" | "project" | "team";
            /**
             * @description The file key (context file), Figma project id or team id
             * @example COGOSAMPLE0001
             */
            context_id: string;
            description?: string;
        };
        FigmaWebhookReceipt: {
            /** @enum {boolean} */
            received: true;
            duplicate: boolean;
            /** @enum {string} */
            action: "invalidated" | "ignored" | "duplicate";
            file_key: string | null;
            cache_entries_dropped: number;
        };
        FigmaWebhookDelivery: {
            webhook_id: string;
            passcode: string;
            /** @description UTC ISO 8601: when Figma triggered the event */
            timestamp: string;
            event_type: string;
            file_key?: string;
            file_name?: string;
        } & {
            [key: string]: unknown;
        };
        DerivedTokensResponse: {
            file_key: string;
            /** @description Figma's file version the tokens were derived from; `upload:<upload_id>` for a plugin upload alone */
            version: string;
            /** @description true: the tokens stored for this version, with no Figma call but /meta (none for an upload alone) and no upload read */
            cached: boolean;
            /** @description DTCG 2025.10 document: every collection (default mode) and the styles */
            tokens: {
                [key: string]: unknown;
            };
            /** @description DTCG 2025.10 Resolver document: collections → sets, modes → modifier contexts */
            resolver: {
                [key: string]: unknown;
            };
            css?: string;
            tailwind?: string;
            report: components["schemas"]["TokensReport"];
            sources: components["schemas"]["TokenSources"];
            content_hash: string;
            trace_id: string;
        };
        TokensReport: {
            sources: {
                rest: number;
                plugin: number;
                both: number;
                styles: number;
            };
            variables: number;
            collections: {
                id: string;
                name: string;
                group: string;
                set: string;
                modifier: string | null;
                remote: boolean;
                extends?: string;
                variables: number;
                modes: {
                    id: string;
                    name: string;
                    context: string;
                    isDefault: boolean;
                    variables: number;
                    tokens: number;
                    extensions: number;
                }[];
            }[];
            tokens: {
                total: number;
                byType: {
                    [key: string]: number;
                };
            };
            typeSources: {
                [key: string]: number;
            };
            aliases: {
                total: number;
                resolved: number;
                resolvedByKey: number;
                unresolved: number;
                issues: {
                    variableId: string;
                    path: string;
                    mode: string;
                    /** @description why the alias (or value) could not be written as is */
                    reason: string;
                    targetId?: string;
                    fallback: string;
                }[];
            };
            invalidValues: {
                variableId: string;
                path: string;
                mode: string;
                /** @description why the alias (or value) could not be written as is */
                reason: string;
                targetId?: string;
                fallback: string;
            }[];
            renamed: {
                id: string;
                name: string;
                path: string;
            }[];
            filledModeValues: number;
            styles: {
                total: number;
                tokens: number;
                extensions: number;
                skipped: {
                    id: string;
                    name: string;
                    reason: string;
                }[];
            };
        };
        TokenSources: {
            /**
             * @description Where the variables came from: Figma's Variables REST API, the plugin export, both (merged by variable id), or neither (the tokens are the styles')
             * @enum {string}
             */
            variables: "rest" | "plugin" | "both" | "unavailable";
            reason?: string;
            styles: number;
            plugin?: number;
            upload_id?: string;
        };
        DeriveTokensRequest: {
            /** @example COGOSAMPLE0001 */
            file_key?: string;
            /** @example https://www.figma.com/design/COGOSAMPLE0001/Storefront */
            figma_url?: string;
            /**
             * Format: uuid
             * @description A plugin export uploaded with POST /figma-compat/uui/presign and a PUT to its URL. Its variables are the top-level `variables` and `variableCollections` of the export object, beside the REST-shaped `document` (or `nodes`): arrays (or maps keyed by id) of what `figma.variables.getLocalVariablesAsync()` and `getLocalVariableCollectionsAsync()` return, serialised — variables with `id`, `name`, `resolvedType`, `valuesByMode` (aliases as `{ "type": "VARIABLE_ALIAS", "id" }`), `variableCollectionId`, `scopes`, `codeSyntax`…; collections with `id`, `name`, `modes` (`modeId`, `name`), `defaultModeId`, `variableIds`. Its styles are the `styles` map of the document (values read from the nodes that use them). An array of JSON_REST_V1 exports carries no variables.
             * @example 4f6c1a9e-2f1b-4c53-9a53-0d8b1e7d9c11
             */
            upload_id?: string;
            source?: components["schemas"]["TokenSourceKind"];
            trace_id?: components["schemas"]["TraceId"];
            /** @description `css` and `tailwind` add those outputs; the DTCG document (`dtcg`) and the Resolver document (`resolver`) are always in the answer. Default: `["dtcg", "resolver"]`. */
            formats?: components["schemas"]["TokenFormat"][];
        };
        /**
         * @description `figma`: Figma REST only (`file_key` or `figma_url`). `upload`: a plugin upload only (`upload_id`; Figma is not asked, so no Figma token is needed; a `file_key`/`figma_url` given with it only names the file the tokens are stored under, so that uploads of one file can be diffed). `merged`: both, merged by variable id (`file_key`/`figma_url` and `upload_id`). Default: `figma` without `upload_id`, `upload` with `upload_id` alone, `merged` with both.
         * @enum {string}
         */
        TokenSourceKind: "figma" | "upload" | "merged";
        /** @enum {string} */
        TokenFormat: "dtcg" | "resolver" | "css" | "tailwind";
        TokensDiffResponse: {
            file_key: string;
            from: string;
            to: string;
            counts: {
                added: number;
                removed: number;
                changed: number;
                renamed: number;
            };
            added?: {
                path: string;
                mode: string | null;
                $type: string;
                $value?: unknown;
            }[];
            removed?: {
                path: string;
                mode: string | null;
                $type: string;
                $value?: unknown;
            }[];
            changed?: {
                path: string;
                mode: string | null;
                previousPath?: string;
                from: {
                    $type: string;
                    $value?: unknown;
                };
                to: {
                    $type: string;
                    $value?: unknown;
                };
            }[];
            renamed?: {
                id: string;
                from: string;
                to: string;
            }[];
            unchanged: number;
            artifact?: components["schemas"]["ArtifactPointer"];
        };
        ArtifactPointer: {
            /**
             * Format: uuid
             * @example 4f6c1a9e-2f1b-4c53-9a53-0d8b1e7d9c11
             */
            artifact_id: string;
            /** @example /artifacts/4f6c1a9e-2f1b-4c53-9a53-0d8b1e7d9c11 */
            url: string;
            kind: components["schemas"]["ArtifactKind"];
            content_type: string;
            bytes: number;
            sha256: string;
        };
        /** @enum {string} */
        ArtifactKind: "plan" | "ui_json" | "diff" | "job_output" | "scaffold" | "screenshot" | "image" | "job_input";
        TokenVersions: {
            file_key: string;
            items: {
                /** @description a Figma file version, or `upload:<upload_id>` */
                version: string;
                created_at: string;
                /** @description tokens derived (null for a version stored without a report) */
                tokens: number | null;
                content_hash: string;
                trace_id: string;
            }[];
        };
        BddGenerateResponse: {
            /** @description One Gherkin Feature for the page; it parses with @cucumber/gherkin */
            feature: string;
            scenarios: components["schemas"]["BddScenario"][];
            stats: components["schemas"]["BddStats"];
            /** @description What generation could not use: a page without frames (then no scenarios), links to nodes not on the page, scenarios cut by max_scenarios */
            warnings: string[];
            origin: components["schemas"]["DesignOrigin"];
            trace_id: string;
        };
        BddScenario: {
            name: string;
            /** @description `Scenario` or `Scenario Outline` (as written) */
            keyword: string;
            /** @description Line of the scenario in `feature` */
            line: number;
            tags: string[];
            /** @description How many steps the scenario has (a Background’s are not counted) */
            steps: number;
            /** @description Rows of its Examples tables (0 for a plain scenario) */
            examples: number;
        };
        BddStats: {
            screens: number;
            forms: number;
            inputs: number;
            buttons: number;
            links: number;
            /** @description Prototype interactions that lead somewhere (user paths) */
            paths: number;
            scenarios: number;
            outlines: number;
            /** @description Scenarios that follow a prototype flow across screens */
            journeys: number;
        };
        DesignOrigin: {
            /** @enum {string} */
            kind: "figma" | "upload" | "inline";
            file_key: string | null;
            /** @description Figma's file version read (null: an upload or inline JSON) */
            version: string | null;
            node_id: string | null;
            node_name: string | null;
            /** @description Figma calls this request made by tier, and answers replayed from the version cache */
            figma_calls: {
                tier1: number;
                tier2: number;
                cached: number;
            };
        };
        BddGenerateRequest: {
            source: components["schemas"]["DesignSource"];
            /** @description At most this many scenarios (journeys first, then in document order); default 500. What is left out is named in `warnings`. */
            max_scenarios?: number;
            trace_id?: components["schemas"]["TraceId"];
        };
        DesignSource: {
            /**
             * Format: uuid
             * @description A stored page (GET /pages): its file and node, read as the file it came from was (Figma through the version cache, or its plugin upload)
             * @example 4f6c1a9e-2f1b-4c53-9a53-0d8b1e7d9c11
             */
            page_id?: string;
            job_id?: components["schemas"]["JobId"];
            /**
             * Format: uuid
             * @description A plugin upload (POST /figma-compat/uui/upload-url): the exported JSON
             * @example 4f6c1a9e-2f1b-4c53-9a53-0d8b1e7d9c11
             */
            upload_id?: string;
            file_key?: string;
            /** @description A Figma design URL; its `node-id` is the node unless `node_id` is given */
            figma_url?: string;
            node_id?: components["schemas"]["FigmaNodeId"];
            /** @description Inline Figma JSON: a GET /v1/files/:key or /nodes response, a node (JSON_REST_V1 export), or an array of nodes */
            document?: unknown;
        };
        /**
         * Format: uuid
         * @description A figma-context or ingest job: its file at the version it read (running or finished), its page or scoped node unless `node_id` names another
         * @example 4f6c1a9e-2f1b-4c53-9a53-0d8b1e7d9c11
         */
        JobId: string;
        /**
         * @description The page (CANVAS) or frame to read; required when the file has more than one page and nothing else names one
         * @example 9:5240
         */
        FigmaNodeId: string;
        BddRefineResponse: {
            /** @description The model's feature, fences and prose removed; it parses with @cucumber/gherkin and has at least one scenario */
            feature: string;
            scenarios: components["schemas"]["BddScenario"][];
            /** @description The deterministic feature of the source (what bdd/generate answers) */
            generated: string;
            /** @description True when the first answer did not parse and the repair call fixed it */
            repaired: boolean;
            attempts: number;
            /** @description The model that wrote the accepted answer */
            model: string;
            provider: string;
            usage: components["schemas"]["LlmUsage"];
            origin: components["schemas"]["DesignOrigin"];
            trace_id: string;
        };
        /** @description Summed over the attempts */
        LlmUsage: {
            input_tokens: number;
            output_tokens: number;
            cost_usd: number;
            /** @description True when the provider sent no usage and the tokens were counted from the text */
            estimated: boolean;
        };
        BddRefineRequest: {
            source: components["schemas"]["DesignSource"];
            /** @description The Gherkin text to refine (it must parse: else a 400 naming its line and column, before any LLM call). Default: what bdd/generate gives for the source. */
            feature?: string;
            /** @description What to change, in plain words */
            instructions?: string;
            /**
             * @description Default: the project's routing policy's first model, else the deployment's default
             * @example gpt-4o-mini
             */
            model?: string;
            /** @description At most this many scenarios (journeys first, then in document order); default 500. What is left out is named in `warnings`. */
            max_scenarios?: number;
            trace_id?: components["schemas"]["TraceId"];
        };
        RefineActionFlowResponse: {
            action_flow: components["schemas"]["ActionFlow"];
            /** @description The graph as a Mermaid `flowchart` */
            mermaid: string;
            stored: components["schemas"]["StoredActionFlowStatus"];
            annotations: components["schemas"]["ActionFlowAnnotations"];
            /** @description What the model named that the graph does not hold: dropped from `annotations` */
            annotation_warnings: components["schemas"]["ActionFlowAnnotationWarning"][];
            llm?: components["schemas"]["ActionFlowLlm"];
            origin: components["schemas"]["DesignOrigin"];
            trace_id: string;
        };
        ActionFlow: {
            /** @enum {number} */
            version: 1;
            page: {
                id: string;
                name: string;
            };
            screens: {
                id: string;
                name: string;
                nodeType: string;
                /**
                 * @description `frame`: a top-level frame or instance (a screen); `component`: a top-level component or set; `other`: another top-level node that takes part in an interaction; `offPage`: a destination on another page of the input
                 * @enum {string}
                 */
                kind: "frame" | "component" | "other" | "offPage";
                pageId?: string;
                /** @description some edge opens it with OVERLAY navigation */
                overlay: boolean;
            }[];
            edges: {
                /** @description `<sourceNodeId>#<interaction>.<action>[/<block>.<action>…]`, or `<sourceNodeId>#legacy` */
                id: string;
                /** @description the screen holding the source node */
                from: string;
                sourceNodeId: string;
                sourceName: string;
                trigger: {
                    /** @description Figma's trigger type (ON_CLICK, ON_HOVER, AFTER_TIMEOUT, ON_KEY_DOWN…), `NONE` for a null trigger */
                    type: string;
                    timeoutMs?: number;
                    delayMs?: number;
                    device?: string;
                    keyCodes?: number[];
                    mediaHitTime?: number;
                };
                /**
                 * @description CONDITIONAL is flattened into its branches (`branch`)
                 * @enum {string}
                 */
                action: "NODE" | "BACK" | "CLOSE" | "URL" | "SET_VARIABLE" | "SET_VARIABLE_MODE" | "UPDATE_MEDIA_RUNTIME" | "UNKNOWN";
                rawAction?: string;
                /** @description NODE actions: NAVIGATE, SWAP, OVERLAY, SCROLL_TO or CHANGE_TO (as Figma sent it) */
                navigation?: string;
                destination: {
                    /** @enum {string} */
                    kind: "screen";
                    screenId: string;
                    nodeId: string;
                } | {
                    /** @enum {string} */
                    kind: "back";
                } | {
                    /** @enum {string} */
                    kind: "close";
                } | {
                    /** @enum {string} */
                    kind: "url";
                    url: string;
                } | {
                    /** @enum {string} */
                    kind: "self";
                } | {
                    /** @enum {string} */
                    kind: "missing";
                    nodeId: string | null;
                    /** @enum {string} */
                    reason: "null-destination" | "not-in-input";
                };
                transition?: {
                    type?: string;
                    direction?: string;
                    durationMs?: number;
                    easing?: string;
                    matchLayers?: boolean;
                };
                branch?: {
                    action: number;
                    block: number;
                    condition: string;
                }[];
                variable?: {
                    variableId: string | null;
                    name?: string;
                    value: string;
                };
                variableMode?: {
                    collectionId: string | null;
                    modeId: string | null;
                };
                media?: {
                    action: string;
                    targetId: string | null;
                    amountToSkip?: number;
                    newTimestamp?: number;
                };
                temporary?: boolean;
                /** @enum {string} */
                legacy?: "transitionNodeID" | "destinationFromTransitionNodeID";
            }[];
            flows: {
                name: string;
                startScreenId: string;
                /** @enum {string} */
                source: "flowStartingPoints" | "prototypeStartNodeID" | "roots";
                reachable: string[];
            }[];
            report: {
                /** @enum {string} */
                entry: "flowStartingPoints" | "prototypeStartNodeID" | "roots" | "none";
                assumptions: string[];
                /** @description screens (frame kind) reachable from no flow start, canvas order */
                unreachable: string[];
                /** @description reachable screens with no exit that are not flow ends */
                deadEnds: string[];
                flowEnds: string[];
                missing: {
                    edgeId: string;
                    sourceNodeId: string;
                    destinationId: string | null;
                    /** @enum {string} */
                    reason: "null-destination" | "not-in-input";
                }[];
                missingStarts: {
                    name: string;
                    nodeId: string;
                }[];
            };
            counts: {
                screens: number;
                edges: number;
                navigationEdges: number;
                interactions: number;
                legacyEdges: number;
                flows: number;
            };
        };
        /** @description The `action_flows` row (one per project, file and page); null for an inline `document`, which names no file to store under */
        StoredActionFlowStatus: {
            /**
             * Format: uuid
             * @example 4f6c1a9e-2f1b-4c53-9a53-0d8b1e7d9c11
             */
            id: string;
            /**
             * @description Of the graph: `unchanged` when the stored row already held this graph, Mermaid text and file version (nothing of it written; `refine`'s annotations may still be)
             * @enum {string}
             */
            status: "created" | "updated" | "unchanged";
            file_key: string;
            page_id: string;
            content_hash: string;
            updated_at: string;
        } | null;
        /** @description `refine`'s annotations; without `refine`, those the row kept from an earlier refinement of the same graph; null when none */
        ActionFlowAnnotations: {
            /** @description A screen's purpose, by screen id of the graph */
            screens: {
                id: string;
                purpose: string;
            }[];
            /** @description A flow's summary, by flow name of the graph */
            flows: {
                name: string;
                summary: string;
            }[];
            suggestions: {
                screen_id: string;
                /** @enum {string} */
                kind: "dead_end" | "unreachable" | "missing_back" | "other";
                text: string;
            }[];
            /** @description The model that wrote them */
            model: string;
            provider: string;
            /** @description When they were written (ISO 8601) */
            refined_at: string;
        } | null;
        ActionFlowAnnotationWarning: {
            /** @description Where in the model's answer, e.g. `screens[2].id` */
            path: string;
            /** @description The id or name it gave */
            value: string;
            message: string;
        };
        /** @description Present when the LLM ran (`refine`) */
        ActionFlowLlm: {
            model: string;
            provider: string;
            usage: components["schemas"]["LlmUsage"] & unknown;
            /** @description True when the JSON needed the gateway's repair, or the ids a repair call */
            repaired: boolean;
        };
        RefineActionFlowRequest: {
            source: components["schemas"]["DesignSource"];
            /** @description Screen ids or names that end a flow: reached and without exit, they are flow ends, not dead ends */
            flow_ends?: string[];
            /** @description Words (whole, any case) whose presence in a screen name marks a flow end, replacing the default list (success, done, complete, thanks, end…); `[]` turns name matching off */
            flow_end_words?: string[];
            /** @description Variable id → name, so conditions and SET_VARIABLE read `{isLoggedIn}`; an inline document or plugin upload carrying `variables` (as the plugin exports them) names them too; ids stay where no name is known */
            variable_names?: {
                [key: string]: string;
            };
            /** @description Chart direction (default LR); `navigation_only` draws only the edges that move the user */
            mermaid?: {
                /** @enum {string} */
                direction?: "LR" | "RL" | "TB" | "TD" | "BT";
                navigation_only?: boolean;
            };
            /** @description Ask the LLM gateway to annotate the stored graph (screen purposes, flow summaries, suggestions). Without it no model is called. The graph itself stays deterministic: annotations are not part of its content hash. */
            refine?: {
                /** @description What the model should look at, in plain words */
                instructions?: string;
                /**
                 * @description Default: the project's routing policy's first model, else the deployment's default
                 * @example gpt-4o-mini
                 */
                model?: string;
            };
            trace_id?: components["schemas"]["TraceId"];
        };
        ActionFlowsResponse: {
            action_flows: components["schemas"]["StoredActionFlow"][];
        };
        StoredActionFlow: {
            /**
             * Format: uuid
             * @example 4f6c1a9e-2f1b-4c53-9a53-0d8b1e7d9c11
             */
            id: string;
            file_key: string;
            page_id: string;
            page_name: string;
            file_version: string | null;
            action_flow: components["schemas"]["ActionFlow"];
            mermaid: string;
            annotations: components["schemas"]["ActionFlowAnnotations"] & unknown;
            content_hash: string;
            trace_id: string;
            created_at: string;
            updated_at: string;
        };
        SymbolMapResponse: {
            mappings: components["schemas"]["SymbolMapping"][];
            /** @description Components no registry symbol matched well enough: the best candidate and a symbol derived from the name */
            unmappedComponents: {
                figma: {
                    id: string;
                    name: string;
                    /** @enum {string} */
                    type: "COMPONENT" | "COMPONENT_SET";
                    key?: string;
                };
                reason: string;
                best?: {
                    name: string;
                    confidence: number;
                };
                suggested: {
                    name: string;
                    /** @enum {string} */
                    source: "registry" | "derived";
                    path?: string;
                    props: {
                        name: string;
                        type: string;
                    }[];
                };
            }[];
            /** @description Registry symbols no component matched */
            unusedSymbols: {
                name: string;
                path?: string;
            }[];
            stats: {
                components: number;
                mapped: number;
                unmappedComponents: number;
                unusedSymbols: number;
                figmaProps: number;
                mappedFigmaProps: number;
            };
            /** @enum {string} */
            components_from: "design" | "stored";
            /** @description The design read; null when the components came from stored rows */
            origin: components["schemas"]["DesignOrigin"] | null;
            /** @description The file the components belong to (null for an inline document) */
            file_key: string | null;
            trace_id: string;
        };
        SymbolMapping: {
            figma: {
                id: string;
                name: string;
                /** @enum {string} */
                type: "COMPONENT" | "COMPONENT_SET";
                key?: string;
            };
            symbol: {
                name: string;
                /** @enum {string} */
                source: "registry" | "derived";
                path?: string;
                props: {
                    name: string;
                    type: string;
                }[];
            };
            /** @description 0..1: 0.6 × name + 0.4 × props */
            confidence: number;
            confidenceParts: {
                name: number;
                props: number;
            };
            props: {
                figma: {
                    /** @description as Figma has it (`Icon#12:3`) */
                    key: string;
                    name: string;
                    /** @enum {string} */
                    type: "VARIANT" | "BOOLEAN" | "TEXT" | "INSTANCE_SWAP";
                    default?: string | boolean;
                    options?: string[];
                    preferred?: string[];
                };
                code: {
                    name: string;
                    type: string;
                };
                confidence: number;
                /** @description variant option → code value */
                values?: {
                    [key: string]: string;
                };
                note?: string;
            }[];
            unmappedFigmaProps: {
                key: string;
                name: string;
                type: string;
                reason: string;
            }[];
            unmappedCodeProps: {
                name: string;
                type: string;
                reason: string;
            }[];
        };
        MapSymbolsRequest: {
            source: components["schemas"]["DesignSource"];
            /** @description Code symbols to map to (the design-sync registry; at most 2000). Without it every component gets the symbol its names give. */
            registry?: components["schemas"]["SymbolRegistryEntry"][];
            /** @description Least confidence of a registry match (default 0.5) */
            min_confidence?: number;
            /**
             * @description `design` (default): the components of the design the source names, read as every figma-compat route reads it — full `componentPropertyDefinitions` (with INSTANCE_SWAP preferred values) and the file's component keys. `stored`: the project's stored `components` rows (POST /figma-context/apply) — of the page for `source.page_id`, of the job's whole file for `source.job_id` — with no Figma call; their definitions keep type, default and options only.
             * @enum {string}
             */
            components_from?: "design" | "stored";
            trace_id?: components["schemas"]["TraceId"];
        };
        SymbolRegistryEntry: {
            /** @example Button */
            name: string;
            /** @example src/components/Button.tsx */
            path?: string;
            props: {
                name: string;
                /**
                 * @description TypeScript-ish text: `boolean`, `'sm' | 'md'`, `ReactNode`…
                 * @example 'sm' | 'md' | 'lg'
                 */
                type: string;
                values?: string[];
            }[];
        };
        UiGenerateResponse: {
            cogo_ui_json?: components["schemas"]["CogoUiJson"] & unknown;
            uui_json?: components["schemas"]["UuiJson"] & unknown;
            artifact?: components["schemas"]["ArtifactPointer"] & unknown;
            sections: components["schemas"]["UiSectionSummary"][];
            /** @description The project's token paths the page references */
            tokens_used: string[];
            report: components["schemas"]["UiReport"];
            /** @description generate/llm only: who answered and what it cost */
            llm?: {
                usage: components["schemas"]["LlmUsage"];
                provider: string;
                model: string;
                repaired: boolean;
            };
            trace_id: string;
        };
        UiSectionSummary: {
            id: string;
            type: string;
            components: number;
            /** @description The project's stored components it uses */
            matched: {
                name: string;
                /** Format: uuid */
                component_id: string;
            }[];
            /** @description True when no stored component matched: generic blocks only */
            generic: boolean;
        };
        UiReport: {
            /** @description What the sanitizer removed, by JSON path */
            pruned: {
                path: string;
                /** @enum {string} */
                reason: "unsafe_key" | "unsafe_url" | "event_handler" | "too_deep" | "too_many_nodes" | "too_long" | "invalid";
            }[];
            /** @description Component references that are not the project's stored components (kept as generic nodes, reference dropped) */
            unknown_components: {
                path: string;
                name: string;
            }[];
            /** @description Token references with no token of that path in the project (kept as written) */
            unknown_tokens: {
                path: string;
                token: string;
            }[];
            nodes: number;
            /** @description Bytes of the cogo_ui_json as JSON */
            bytes: number;
        };
        UiGenerateRequest: {
            /** @example Generate a landing page for Acme with hero, CTA and features */
            prompt: string;
            /** @description The page's name; default: from the prompt */
            name?: string;
            /** @description These section types in this order, instead of the ones the prompt names */
            sections?: string[];
            trace_id?: components["schemas"]["TraceId"];
        };
        UiGenerateLlmRequest: {
            prompt: string;
            cogo_ui_json?: components["schemas"]["CogoUiJson"] & unknown;
            /** @description Knowledge to ground the page in (retrieved snippets) */
            context?: string[];
            /** @example gpt-4o-mini */
            model?: string;
            trace_id?: components["schemas"]["TraceId"];
        };
        Artifact: {
            /**
             * Format: uuid
             * @example 4f6c1a9e-2f1b-4c53-9a53-0d8b1e7d9c11
             */
            id: string;
            kind: components["schemas"]["ArtifactKind"];
            content_type: string;
            bytes: number;
            /** @description Hex SHA-256 of the bytes; the ETag is it, quoted */
            sha256: string;
            trace_id: string | null;
            created_at: string;
            expires_at: string;
        };
        RegistryIngestResponse: {
            components: {
                inserted: number;
                updated: number;
                unchanged: number;
                deleted: number;
            };
            stories: number;
            /** @description Explicit mappings from Code Connect */
            mappings: {
                inserted: number;
                updated: number;
                unchanged: number;
                deleted: number;
            };
            warnings: {
                path: string;
                message: string;
            }[];
            trace_id: string;
        };
        RegistryIngestRequest: {
            /** @description Storybook `index.json` (v5): `{ v: 5, entries: { <id>: { id, title, name, importPath, componentPath?, tags, type } } }` */
            index?: Record<string, never>;
            /** @description Storybook 10 components manifest (`manifests/components.json`): props per component */
            manifest?: Record<string, never>;
            /** @description react-docgen-typescript output (an array of `{ displayName, filePath, props }`) */
            docgen?: Record<string, never>;
            /** @description Code Connect JSON: explicit component ↔ Figma node mappings (confirmed at once) */
            code_connect?: Record<string, never>;
            /**
             * Format: uri
             * @description Where the Storybook build is served (kept for browser sessions and links)
             */
            storybook_url?: string;
            /**
             * @description Delete registry components this ingest does not name (default: keep them)
             * @default false
             */
            prune: boolean;
            trace_id?: components["schemas"]["TraceId"];
        };
        StorybookIngestResponse: components["schemas"]["RegistryIngestResponse"] & {
            /**
             * @description The files read from the Storybook URL
             * @example [
             *       "index.json",
             *       "manifests/components.json",
             *       "code-connect.json"
             *     ]
             */
            documents: string[];
        };
        StorybookIngestRequest: {
            /**
             * @description Delete registry components the index no longer names
             * @default false
             */
            prune: boolean;
            trace_id?: components["schemas"]["TraceId"];
        };
        CodeComponent: {
            /**
             * Format: uuid
             * @example 4f6c1a9e-2f1b-4c53-9a53-0d8b1e7d9c11
             */
            id: string;
            /** @example Components/Button */
            key: string;
            name: string;
            import_path: string | null;
            component_path: string | null;
            description: string | null;
            props: components["schemas"]["CodeProp"][];
            stories: components["schemas"]["CodeStory"][];
            content_hash: string;
            updated_at: string;
        };
        CodeProp: {
            name: string;
            /** @enum {string} */
            kind: "boolean" | "string" | "number" | "enum" | "node" | "function" | "other";
            type: string;
            values?: string[];
            default?: string | number | boolean | null;
            required?: boolean;
            description?: string;
        };
        CodeStory: {
            id: string;
            name: string;
            /** @enum {string} */
            type: "story" | "docs";
            tags: string[];
            args?: {
                [key: string]: string | number | boolean;
            };
        };
        ComponentMapping: {
            /**
             * Format: uuid
             * @example 4f6c1a9e-2f1b-4c53-9a53-0d8b1e7d9c11
             */
            id: string;
            code_component: {
                /**
                 * Format: uuid
                 * @example 4f6c1a9e-2f1b-4c53-9a53-0d8b1e7d9c11
                 */
                id: string;
                key: string;
                name: string;
            };
            figma: {
                file_key: string;
                node_id: string;
                /** @description null: the Figma component is no longer stored */
                name: string | null;
            };
            status: components["schemas"]["MappingStatus"];
            /** @enum {string} */
            source: "explicit" | "code_connect" | "suggested";
            confidence: number | null;
            /** @description Figma property name → code prop name */
            props: {
                [key: string]: string;
            };
            synced_at: string | null;
            updated_at: string;
        };
        /** @enum {string} */
        MappingStatus: "suggested" | "confirmed" | "rejected";
        CreateMappingRequest: {
            /**
             * @description The registry component's key (or id)
             * @example Components/Button
             */
            code_component: string;
            file_key: string;
            /** @example 12:34 */
            node_id: string;
            /** @description Figma property name → code prop name (matched by name when absent) */
            props?: {
                [key: string]: string;
            };
            trace_id?: components["schemas"]["TraceId"];
        };
        SuggestMappingsResponse: {
            suggested: components["schemas"]["ComponentMapping"][];
            counts: {
                code_components: number;
                figma_components: number;
                suggested: number;
                already_mapped: number;
                rejected: number;
            };
            trace_id: string;
        };
        SuggestMappingsRequest: {
            /** @description Only this file's components (default: every stored file) */
            file_key?: string;
            /** @default 0.6 */
            min_confidence: number;
            trace_id?: components["schemas"]["TraceId"];
        };
        CodeConnectExport: {
            files: {
                path: string;
                content: string;
                /**
                 * Format: uuid
                 * @example 4f6c1a9e-2f1b-4c53-9a53-0d8b1e7d9c11
                 */
                mapping_id: string;
            }[];
            trace_id: string;
        };
        UpdateMappingRequest: {
            /** @enum {string} */
            status: "confirmed" | "rejected";
            props?: {
                [key: string]: string;
            };
            trace_id?: components["schemas"]["TraceId"];
        };
        CoverageResponse: {
            components: {
                code_component: {
                    /**
                     * Format: uuid
                     * @example 4f6c1a9e-2f1b-4c53-9a53-0d8b1e7d9c11
                     */
                    id: string;
                    key: string;
                    name: string;
                };
                figma: {
                    file_key: string;
                    node_id: string;
                    name: string;
                } | null;
                stories: number;
                tests: number;
                variants: {
                    total: number;
                    covered: number;
                    missing: string[];
                };
            }[];
            totals: {
                components: number;
                with_stories: number;
                with_tests: number;
                variants: number;
                variants_covered: number;
                ratio: number;
            };
            trace_id: string;
        };
        DriftResponse: {
            mappings: {
                /**
                 * Format: uuid
                 * @example 4f6c1a9e-2f1b-4c53-9a53-0d8b1e7d9c11
                 */
                mapping_id: string;
                code_component: {
                    /**
                     * Format: uuid
                     * @example 4f6c1a9e-2f1b-4c53-9a53-0d8b1e7d9c11
                     */
                    id: string;
                    key: string;
                    name: string;
                };
                figma: {
                    file_key: string;
                    node_id: string;
                    name: string | null;
                };
                items: components["schemas"]["DriftItem"][];
                /** @description sha256 of the canonical items: what a sync operation of this component is keyed by */
                diff_hash: string;
                /** @description Both sides unchanged since the last drift: the stored report was reused */
                cached: boolean;
            }[];
            counts: {
                mappings: number;
                drifted: number;
                items: number;
                cached: number;
            };
            by_kind: {
                [key: string]: number;
            };
            trace_id: string;
        };
        DriftItem: {
            kind: components["schemas"]["DriftKind"];
            subject: string;
            figma?: unknown;
            code?: unknown;
            message: string;
        };
        /** @enum {string} */
        DriftKind: "figma_prop_missing_in_code" | "code_prop_missing_in_figma" | "variant_values_differ" | "default_differs" | "type_differs" | "token_changed" | "design_renamed" | "design_removed" | "code_removed";
        SyncOperation: {
            /** @example op_5d41402abc4b2a76b9719d911017c592 */
            id: string;
            direction: components["schemas"]["SyncDirection"];
            /** @enum {string} */
            status: "succeeded" | "partial" | "failed" | "noop" | "undone";
            diff_hash: string;
            results: components["schemas"]["SyncComponentResult"][];
            counts: {
                components: number;
                applied: number;
                unchanged: number;
                failed: number;
                changes: number;
            };
            actor: string;
            trace_id: string;
            duration_ms: number;
            created_at: string;
            undone_at: string | null;
            /** @description true: the same operation (same components, same diff) ran before; this is its stored result */
            replayed: boolean;
        };
        /** @enum {string} */
        SyncDirection: "design_to_code" | "code_to_design";
        SyncComponentResult: {
            /**
             * Format: uuid
             * @example 4f6c1a9e-2f1b-4c53-9a53-0d8b1e7d9c11
             */
            mapping_id: string;
            code_component: string;
            /** @enum {string} */
            status: "applied" | "unchanged" | "failed";
            changes: number;
            artifacts?: (components["schemas"]["ArtifactPointer"] & {
                path: string;
            })[];
            error?: {
                code: string;
                message: string;
            };
        };
        SyncOperationRequest: {
            direction: components["schemas"]["SyncDirection"];
            /** @description Default: every confirmed mapping with drift */
            mapping_ids?: string[];
            trace_id?: components["schemas"]["TraceId"];
        };
        UndoResponse: {
            operation_id: string;
            /** @description Components restored */
            restored: number;
            pre_hash: string;
            /** @description sha256 of the restored state: equal to pre_hash */
            restored_hash: string;
            trace_id: string;
        };
        UndoRequest: {
            /** @description Default: the latest operation that can be undone */
            operation_id?: string;
            trace_id?: components["schemas"]["TraceId"];
        };
        DriftFeedback: {
            /**
             * Format: uuid
             * @example 4f6c1a9e-2f1b-4c53-9a53-0d8b1e7d9c11
             */
            mapping_id: string;
            kind: components["schemas"]["DriftKind"];
            subject: string;
            /** @enum {string} */
            verdict: "false_positive" | "real";
            updated_at: string;
            false_positive_ratio: number;
        };
        DriftFeedbackRequest: {
            /**
             * Format: uuid
             * @example 4f6c1a9e-2f1b-4c53-9a53-0d8b1e7d9c11
             */
            mapping_id: string;
            kind: components["schemas"]["DriftKind"];
            subject: string;
            /** @enum {string} */
            verdict: "false_positive" | "real";
        };
        DesignSyncCredentialList: {
            credentials: components["schemas"]["DesignSyncCredential"][];
        };
        DesignSyncCredential: {
            kind: components["schemas"]["DesignSyncCredentialKind"];
            /** @enum {string} */
            status: "active" | "disabled";
            last4: string | null;
            check: components["schemas"]["CredentialCheck"];
            expires_at: string | null;
            expires_in_days: number | null;
            disabled_reason: string | null;
            updated_at: string;
        };
        /** @enum {string} */
        DesignSyncCredentialKind: "figma" | "slack" | "storybook";
        CredentialCheck: {
            ok: boolean;
            status: number | null;
            message: string;
            checked_at: string;
        };
        PutCredentialRequest: {
            kind: components["schemas"]["DesignSyncCredentialKind"];
            /** @description figma: a personal access token; slack: an incoming-webhook URL; storybook: the https URL of a Storybook build */
            value: string;
            /**
             * Format: date-time
             * @description When the token expires (Figma tokens have one): reminders start 7 days before
             */
            expires_at?: string;
        };
        NotificationSettings: {
            categories: {
                sync_done?: components["schemas"]["NotificationMode"];
                sync_failed?: components["schemas"]["NotificationMode"];
                drift_found?: components["schemas"]["NotificationMode"];
                credential_expiring?: components["schemas"]["NotificationMode"];
                coverage_dropped?: components["schemas"]["NotificationMode"];
            };
            digest_hour_utc: number;
            last_digest_at: string | null;
            /** @enum {string} */
            slack: "missing" | "active" | "disabled";
        };
        /** @enum {string} */
        NotificationMode: "off" | "immediate" | "digest";
        PutNotificationSettings: {
            categories?: {
                sync_done?: components["schemas"]["NotificationMode"];
                sync_failed?: components["schemas"]["NotificationMode"];
                drift_found?: components["schemas"]["NotificationMode"];
                credential_expiring?: components["schemas"]["NotificationMode"];
                coverage_dropped?: components["schemas"]["NotificationMode"];
            };
            digest_hour_utc?: number;
        };
        NotificationEventList: {
            events: components["schemas"]["NotificationEvent"][];
            failed_total: number;
        };
        NotificationEvent: {
            /**
             * Format: uuid
             * @example 4f6c1a9e-2f1b-4c53-9a53-0d8b1e7d9c11
             */
            id: string;
            category: components["schemas"]["NotificationCategory"] | "digest";
            /** @enum {string} */
            status: "queued" | "sent" | "failed" | "digest" | "digested";
            title: string;
            attempts: number;
            last_status: number | null;
            last_error: string | null;
            created_at: string;
            sent_at: string | null;
        };
        /** @enum {string} */
        NotificationCategory: "sync_done" | "sync_failed" | "drift_found" | "credential_expiring" | "coverage_dropped";
        BrowserSession: {
            /**
             * Format: uuid
             * @example 4f6c1a9e-2f1b-4c53-9a53-0d8b1e7d9c11
             */
            id: string;
            /** @enum {string} */
            status: "queued" | "running" | "done" | "failed";
            stories: {
                total: number;
                passed: number;
                failed: number;
            };
            results: components["schemas"]["StoryResult"][];
            error: string | null;
            initiation_ms: number | null;
            duration_ms: number | null;
            created_at: string;
            finished_at: string | null;
            trace_id: string;
        };
        StoryResult: {
            story_id: string;
            /** @enum {string} */
            status: "passed" | "failed" | "timeout";
            console_errors: string[];
            screenshot: components["schemas"]["ArtifactPointer"] | null;
            duration_ms: number;
        };
        BrowserSessionRequest: {
            story_ids?: string[];
            viewport?: {
                width: number;
                height: number;
            };
            trace_id?: components["schemas"]["TraceId"];
        };
        BrowserSessionSummary: {
            /**
             * Format: uuid
             * @example 4f6c1a9e-2f1b-4c53-9a53-0d8b1e7d9c11
             */
            id: string;
            /** @enum {string} */
            status: "queued" | "running" | "done" | "failed";
            stories: {
                total: number;
                passed: number;
                failed: number;
            };
            error: string | null;
            initiation_ms: number | null;
            duration_ms: number | null;
            created_at: string;
            finished_at: string | null;
            trace_id: string;
        };
        DesignSyncSchedule: {
            enabled: boolean;
            hour_utc: number;
            /** @enum {string|null} */
            direction: "design_to_code" | "code_to_design" | null;
            on_file_update: boolean;
            next_run_at: string | null;
            last_run: components["schemas"]["DesignSyncScheduleRun"];
        };
        DesignSyncScheduleRun: {
            at: string;
            /** @enum {string} */
            trigger: "schedule" | "file_update";
            mappings: number;
            drifted: number;
            operation_id: string | null;
            coverage_ratio: number | null;
            /** @enum {string} */
            storybook: "ingested" | "unchanged" | "not_configured" | "failed";
            error: string | null;
        } | null;
        DesignSyncScheduleRequest: {
            enabled: boolean;
            /** @default 2 */
            hour_utc: number;
            /**
             * @default null
             * @enum {string|null}
             */
            direction: "design_to_code" | "code_to_design" | null;
            /** @default true */
            on_file_update: boolean;
        };
        PresignResponse: {
            /**
             * Format: uuid
             * @example 4f6c1a9e-2f1b-4c53-9a53-0d8b1e7d9c11
             */
            upload_id: string;
            /** @description PUT the JSON here with Content-Type: application/json; no Authorization header needed */
            upload_url: string;
            /** @enum {string} */
            method: "PUT";
            headers: {
                [key: string]: string;
            };
            expires_at: string;
            max_bytes: number;
        };
        Presign: {
            filename?: string;
            /**
             * @default application/json
             * @enum {string}
             */
            content_type: "application/json";
            /** @description Bytes the client will upload (checked against the limit up front) */
            size?: number;
        };
        UploadResult: {
            /**
             * Format: uuid
             * @example 4f6c1a9e-2f1b-4c53-9a53-0d8b1e7d9c11
             */
            upload_id: string;
            size: number;
        };
        Ingest: {
            /**
             * Format: uuid
             * @example 4f6c1a9e-2f1b-4c53-9a53-0d8b1e7d9c11
             */
            upload_id: string;
            /** @description The Figma file key (figma.fileKey in the plugin), so ids match token-based extraction of the same file */
            file_key?: string;
            name?: string;
        };
        CompletionResult: {
            text: string;
            tool_calls?: components["schemas"]["ToolCall"][];
            /** @description The parsed JSON of structured output (response_format json_schema), validated against its schema */
            output?: unknown;
            finish_reason: string;
            usage: components["schemas"]["LlmUsage"];
            provider: string;
            model: string;
            latency_ms: number;
            /** @description True when a stream cut after tokens was finished by a fallback provider */
            continued: boolean;
            /** @description Every provider that produced part of the answer, in order */
            providers: string[];
            repaired?: boolean;
            trace_id: string;
        };
        ToolCall: {
            id: string;
            /**
             * @default function
             * @enum {string}
             */
            type: "function";
            function: {
                name: string;
                arguments: string;
            };
        };
        CompletionRequest: {
            /**
             * @description Default: the policy's first model, else CHAT_MODEL_DEFAULT
             * @example gpt-4o-mini
             */
            model?: string;
            messages: components["schemas"]["ChatMessage"][];
            /** @default false */
            stream: boolean;
            response_format?: components["schemas"]["ResponseFormat"];
            tools?: components["schemas"]["Tool"][];
            tool_choice?: ("auto" | "none" | "required") | {
                /** @enum {string} */
                type: "function";
                function: {
                    name: string;
                };
            };
            temperature?: number;
            max_tokens?: number;
            trace_id?: components["schemas"]["TraceId"];
            /** Format: uuid */
            job_id?: string;
        };
        ChatMessage: {
            /** @enum {string} */
            role: "system" | "user" | "assistant" | "tool";
            /** @default  */
            content: string | null;
            name?: string;
            tool_call_id?: string;
            tool_calls?: components["schemas"]["ToolCall"][];
        };
        ResponseFormat: {
            /** @enum {string} */
            type: "text";
        } | {
            /** @enum {string} */
            type: "json_object";
        } | {
            /** @enum {string} */
            type: "json_schema";
            json_schema: {
                name: string;
                description?: string;
                schema: {
                    [key: string]: unknown;
                };
                strict?: boolean;
            };
        };
        Tool: {
            /** @enum {string} */
            type: "function";
            function: {
                name: string;
                description?: string;
                parameters?: {
                    [key: string]: unknown;
                };
            };
        };
        RouterSelectResult: {
            selected: components["schemas"]["RouterCandidate"];
            candidates: components["schemas"]["RouterCandidate"][];
            budgets: components["schemas"]["BudgetState"][];
        };
        RouterCandidate: {
            provider: string;
            model: string;
            upstream_model: string;
            /** @enum {string} */
            status: "selected" | "available" | "cooldown" | "over_budget" | "not_allowed" | "disabled" | "error_budget" | "wrong_kind";
            reason?: string;
            projected_cost_usd: number;
        } | null;
        BudgetState: {
            /** @enum {string} */
            period: "daily" | "monthly";
            limit_usd: number | null;
            spent_usd: number;
            resets_at: string;
        };
        RouterSelectRequest: {
            /** @example gpt-4o-mini */
            model?: string;
            /**
             * @default chat
             * @enum {string}
             */
            kind: "chat" | "embedding";
            /** @default 0 */
            estimated_input_tokens: number;
            max_output_tokens?: number;
        };
        ProvidersHealth: {
            /** @description Start of today (00:00 UTC): spend_today_usd and calls_today count from here */
            since: string;
            items: components["schemas"]["ProviderHealth"][];
        };
        ProviderHealth: {
            provider: string;
            /** @enum {string} */
            scope: "platform" | "project";
            /** @enum {string} */
            status: "healthy" | "degraded" | "cooldown" | "unknown";
            consecutive_failures: number;
            error_rate: number;
            p50_ms: number | null;
            p95_ms: number | null;
            cooldown_until: string | null;
            last_probe_at: string | null;
            last_error: string | null;
            spend_today_usd: number;
            calls_today: number;
        };
        ChatResult: {
            /** Format: uuid */
            session_id: string;
            /** Format: uuid */
            user_message_id: string;
            /** Format: uuid */
            message_id: string;
            text: string;
            usage: components["schemas"]["LlmUsage"];
            provider: string;
            model: string;
            continued: boolean;
            /** @description True when this Idempotency-Key already stored the answer: it is sent again, not asked again */
            replayed: boolean;
            trace_id: string;
        };
        ChatRequest: {
            /**
             * Format: uuid
             * @description Continue this session; absent: a new session
             */
            session_id?: string;
            content: string;
            /** @example gpt-4o-mini */
            model?: string;
            system?: string;
            /** @default true */
            stream: boolean;
            trace_id?: components["schemas"]["TraceId"];
            idempotency_key?: string;
        };
        ChatGatewayResult: {
            output: {
                text: string;
            };
            /** Format: uuid */
            session_id: string;
            /** Format: uuid */
            message_id: string;
            trace_id: string;
            usage: components["schemas"]["LlmUsage"];
            provider: string;
            model: string;
        };
        ChatGatewayRequest: {
            messages: components["schemas"]["ChatMessage"][];
            /** Format: uuid */
            session_id?: string;
            /** @example gpt-4o-mini */
            model?: string;
            /** @default true */
            stream: boolean;
            idempotency_key?: string;
            /**
             * @description `design`: the turn is a design chat turn (POST /chat/design with these messages): RAG → the model’s page → `ui.preview`, streamed
             * @default chat
             * @enum {string}
             */
            mode: "chat" | "design";
        };
        ChatSession: {
            /** Format: uuid */
            id: string;
            title: string | null;
            model: string | null;
            created_at: string;
            last_message_at: string;
        };
        StoredMessage: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            session_id: string;
            /** @enum {string} */
            role: "system" | "user" | "assistant";
            content: string;
            /** @enum {string} */
            status: "complete" | "error";
            model: string | null;
            provider: string | null;
            trace_id: string | null;
            /** @description An assistant message's prompt tokens (null for other roles) */
            input_tokens: number | null;
            /** @description An assistant message's answer tokens (null for other roles) */
            output_tokens: number | null;
            created_at: string;
        };
        ChatDesignRequest: {
            /** @description The message; or `messages` (the last user message is the prompt) */
            prompt?: string;
            messages?: components["schemas"]["ChatMessage"][];
            cogo_ui_json?: components["schemas"]["CogoUiJson"] & unknown;
            /** @example gpt-4o-mini */
            model?: string;
            /**
             * @description `keyword`: the page comes from the offline keyword generator (as POST /figma-compat/uui/generate) — no model asked, no spend; a refinement is then a new page from the message
             * @default llm
             * @enum {string}
             */
            generator: "llm" | "keyword";
            /** @description Retrieval: `limit: 0` skips it */
            rag?: {
                /** @default 6 */
                limit: number;
                filter?: components["schemas"]["RagSearchFilter"];
            };
            trace_id?: components["schemas"]["TraceId"];
        };
        RagSearchFilter: {
            /** @description Only documents of these sources */
            source?: components["schemas"]["RagSource"][];
            /** @description Only documents whose metadata contains this object (jsonb `@>`) */
            metadata?: {
                [key: string]: unknown;
            };
            /** @description Only chunks of these documents */
            document_ids?: string[];
        };
        /** @enum {string} */
        RagSource: "doc" | "page" | "component" | "token" | "flow" | "code";
        EmbedResult: {
            model: string;
            provider: string;
            /** @description Every provider whose vectors are in the answer, in order (several only when providers of the same model took over from each other) */
            providers: string[];
            dimensions: number;
            data: {
                index: number;
                embedding: number[];
            }[];
            usage: components["schemas"]["LlmUsage"];
            batches: number;
            trace_id: string;
        };
        EmbedRequest: {
            input: string | string[];
            /** @example gpt-4o-mini */
            model?: string;
            /** @default false */
            stream: boolean;
            trace_id?: components["schemas"]["TraceId"];
        };
        RagUpsertResult: {
            /** @description One per item, in request order */
            documents: components["schemas"]["RagUpsertDocument"][];
            embedded_chunks: number;
            /** @description The embedding model of the stored vectors (null: no embedding model available and nothing to embed) */
            model: string | null;
            trace_id: string;
        };
        RagUpsertDocument: {
            /**
             * Format: uuid
             * @description The stored document
             * @example 4f6c1a9e-2f1b-4c53-9a53-0d8b1e7d9c11
             */
            id: string;
            external_id: string;
            source: components["schemas"]["RagSource"];
            status: components["schemas"]["RagIngestStatus"];
            /** @description Chunks the document has now */
            chunks: number;
            /** @description Chunks embedded by this request (the others kept their vectors) */
            embedded: number;
        };
        /** @enum {string} */
        RagIngestStatus: "created" | "updated" | "unchanged";
        RagUpsertRequest: {
            items: components["schemas"]["RagIngestItem"][];
            trace_id?: components["schemas"]["TraceId"];
        };
        RagIngestItem: {
            /** @description The document's external id: the same id (and source) updates the same document */
            id: string;
            source?: components["schemas"]["RagSource"];
            title?: string;
            /** @description Markdown or plain text, at most 200 KB; cut into chunks of ~400 tokens */
            text: string;
            metadata?: {
                [key: string]: unknown;
            };
        };
        RagIngestJob: {
            /**
             * Format: uuid
             * @example 4f6c1a9e-2f1b-4c53-9a53-0d8b1e7d9c11
             */
            job_id: string;
            status: components["schemas"]["RagIngestJobStatus"];
            /** @description Items received over every stream call */
            items: number;
            /** @description Items that were unchanged (nothing to embed) */
            unchanged: number;
            chunks: {
                total: number;
                embedded: number;
                pending: number;
                failed: number;
            };
            /** @description The last 20 embedding failures, oldest first */
            errors: components["schemas"]["RagIngestJobError"][];
            trace_id: string;
            created_at: string;
            /** @description When its last chunk was embedded or dead-lettered */
            settled_at: string | null;
        };
        /**
         * @description `open`: nothing received yet; `embedding`: chunks wait for the queue; `done`: every chunk has its vector; `failed`: some chunks were dead-lettered (see `errors`)
         * @enum {string}
         */
        RagIngestJobStatus: "open" | "embedding" | "done" | "failed";
        RagIngestJobError: {
            at: string;
            attempt?: number;
            /** @description True when the queue gave up on those chunks (dead-lettered) */
            final: boolean;
            code: string;
            message: string;
            chunks: number;
            retry_in_seconds?: number | null;
        };
        RagIngestStartRequest: {
            trace_id?: components["schemas"]["TraceId"];
        };
        RagIngestStreamRequest: {
            /**
             * Format: uuid
             * @example 4f6c1a9e-2f1b-4c53-9a53-0d8b1e7d9c11
             */
            job_id: string;
            items: components["schemas"]["RagIngestItem"][];
            /**
             * @description How long the stream follows the queue embedding this call's chunks before it ends (0: end once queued)
             * @default 30
             */
            wait_seconds: number;
        };
        RagSearchResult: {
            items: components["schemas"]["RagSearchItem"][];
            trace_id: string;
        };
        RagSearchItem: {
            /**
             * Format: uuid
             * @example 4f6c1a9e-2f1b-4c53-9a53-0d8b1e7d9c11
             */
            chunk_id: string;
            /**
             * Format: uuid
             * @example 4f6c1a9e-2f1b-4c53-9a53-0d8b1e7d9c11
             */
            document_id: string;
            source: components["schemas"]["RagSource"];
            external_id: string;
            title: string | null;
            text: string;
            /** @description Reciprocal-rank fusion score: Σ 1 / (60 + rank) over the vector and full-text lists */
            score: number;
            /** @description Rank (1-based) in the vector list; null when not in it */
            vector_rank: number | null;
            /** @description Rank (1-based) in the full-text list; null when not in it */
            text_rank: number | null;
            metadata: {
                [key: string]: unknown;
            };
        };
        RagSearchRequest: {
            q: string;
            /** @default 10 */
            limit: number;
            filter?: components["schemas"]["RagSearchFilter"];
            trace_id?: components["schemas"]["TraceId"];
            /**
             * @description Answer `text/event-stream`: one `rag.item` per item, then `rag.done` (or `error`)
             * @default false
             */
            stream: boolean;
        };
        AiDryRun: {
            /** @enum {boolean} */
            dry_run: true;
            estimate: components["schemas"]["AiJobEstimate"];
        };
        AiJobEstimate: {
            kind: components["schemas"]["AiJobKind"];
            /** @description Layers, selection nodes or images */
            items: number;
            model_calls: number;
            model: string;
            input_tokens: number;
            output_tokens: number;
            cost_usd: number;
            concurrency: number;
            /** @description Waves of concurrent calls × the model's recent latency, plus queueing */
            expected_seconds: number;
        };
        /** @enum {string} */
        AiJobKind: "rename-layers" | "generate-edits" | "generate-images";
        AiJobAccepted: {
            /**
             * Format: uuid
             * @example 4f6c1a9e-2f1b-4c53-9a53-0d8b1e7d9c11
             */
            job_id: string;
            /** @enum {string} */
            status: "queued";
            poll_url: string;
            stream_url: string;
            estimate: components["schemas"]["AiJobEstimate"];
        };
        RenameLayersRequest: {
            layers: components["schemas"]["LayerInput"][];
            /** @description What the design is, in a sentence or two */
            context?: string;
            /** @description A model of the project's catalogue; the routing default otherwise */
            model?: string;
            /**
             * @description Only estimate cost and time; nothing is queued
             * @default false
             */
            dry_run: boolean;
        };
        LayerInput: {
            id: string;
            name: string;
            type: string;
            /**
             * @description The parents' names, outermost first, joined by `/`; layers with the same path are siblings
             * @default
             */
            path: string;
            /** @description Characters of a TEXT layer */
            text?: string;
            /** @description What the layer contains, e.g. "icon, 2 texts" */
            children_summary?: string;
        };
        GenerateEditsRequest: {
            prompt: string;
            /**
             * @description A prompt file of GET /api/prompts
             * @default design-edits
             */
            prompt_name: string;
            selection: components["schemas"]["SelectionNode"][];
            /** @default 1 */
            variants: number;
            /**
             * @description `stream`: SSE deltas on this request; `queued`: a job to poll
             * @default queued
             * @enum {string}
             */
            mode: "stream" | "queued";
            /** @description A model of the project's catalogue; the routing default otherwise */
            model?: string;
            /**
             * @description Only estimate cost and time; nothing is queued
             * @default false
             */
            dry_run: boolean;
        };
        SelectionNode: {
            id: string;
            name: string;
            type: string;
            /** @default  */
            path: string;
            text?: string;
            props?: {
                [key: string]: string | number | boolean;
            };
        };
        GenerateImagesRequest: {
            prompt: string;
            /** @default 1 */
            n: number;
            /**
             * @default 1024x1024
             * @enum {string}
             */
            size: "256x256" | "512x512" | "1024x1024" | "1024x1536" | "1536x1024";
            /** @description A model of the project's catalogue; the routing default otherwise */
            model?: string;
            /**
             * @description Only estimate cost and time; nothing is queued
             * @default false
             */
            dry_run: boolean;
        };
        AiJob: {
            /**
             * Format: uuid
             * @example 4f6c1a9e-2f1b-4c53-9a53-0d8b1e7d9c11
             */
            id: string;
            type: string;
            /** @description queued | running | completed | failed | cancelled (figma-context jobs: running | done | error | cancelled) */
            status: string;
            payload: {
                [key: string]: unknown;
            };
            progress: {
                [key: string]: unknown;
            };
            result: {
                [key: string]: unknown;
            } | null;
            /** @description A finished job whose result is over ARTIFACT_INLINE_MAX_BYTES: `result` is null and this points at it (kind `job_output`; GET its `url` with the same key: the result as JSON, byte for byte) */
            result_artifact: components["schemas"]["ArtifactPointer"] | null;
            error: {
                code: string;
                message: string;
            } | null;
            attempts: number;
            trace_id: string | null;
            created_at: string;
            started_at: string | null;
            completed_at: string | null;
            poll_url: string;
            stream_url: string;
        };
        /** @enum {string} */
        AiJobStatus: "queued" | "running" | "completed" | "failed" | "cancelled";
        PromptInfo: {
            name: string;
            kind: components["schemas"]["AiJobKind"];
            description: string;
        };
        AiSettings: {
            /**
             * @description How renamed layers are cased; `as_is` keeps what the model proposes
             * @default as_is
             * @enum {string}
             */
            naming_convention: "as_is" | "title" | "sentence" | "kebab" | "snake" | "camel" | "pascal";
            /**
             * @description The team's own naming rules, given to the model
             * @default
             */
            naming_rules: string;
            /**
             * @description Finished jobs kept per kind (seed 004's removeOnComplete)
             * @default 100
             */
            keep_completed: number;
            /**
             * @description Failed jobs kept per kind (removeOnFail)
             * @default 50
             */
            keep_failed: number;
            /**
             * @description Every finished job is kept at least this long, whatever the counts: a plugin still polling it finds it
             * @default 60
             */
            keep_minutes: number;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
