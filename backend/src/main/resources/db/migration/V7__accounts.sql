-- Who may change the Pacte (fr.pactecarto.security). Accounts are created by the `user` command, never by a
-- migration; nothing here holds a password or a secret in clear: passwords are stored as Spring Security
-- DelegatingPasswordEncoder hashes ({bcrypt}…), API tokens and session cookies as the SHA-256 of their random
-- 256-bit value. Everything an instance must know lives here, so that any number of instances sit behind a
-- balancer and a restart keeps the sessions.

CREATE TABLE account (
    login         text        PRIMARY KEY CHECK (login ~ '^[a-z0-9][a-z0-9._@-]{0,63}$'),
    -- NULL: an account for API tokens only (a partner app), that cannot sign in.
    password_hash text,
    role          text        NOT NULL CHECK (role IN ('EDITOR', 'ADMIN')),
    -- For an editor, the territory codes (official codes or a pacte's aliases) they may edit; empty: all.
    territories   text[]      NOT NULL DEFAULT '{}',
    disabled      boolean     NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

-- API tokens of partner apps, sent as `Authorization: Bearer …`; shown once, stored hashed.
CREATE TABLE api_token (
    id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    login      text        NOT NULL REFERENCES account ON DELETE CASCADE,
    name       text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    token_hash bytea       NOT NULL UNIQUE CHECK (length(token_hash) = 32),
    created_at timestamptz NOT NULL DEFAULT now(),
    created_by text        NOT NULL,
    expires_at timestamptz NOT NULL,
    revoked_at timestamptz,
    revoked_by text
);
CREATE INDEX api_token_login_idx ON api_token (login);

-- Cookie sessions of the map page. Signing out deletes the row: the session ends on every instance.
CREATE TABLE account_session (
    token_hash bytea       PRIMARY KEY CHECK (length(token_hash) = 32),
    login      text        NOT NULL REFERENCES account ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL
);
CREATE INDEX account_session_login_idx ON account_session (login);
CREATE INDEX account_session_expires_idx ON account_session (expires_at);

-- Failed sign-ins per login (`login:<login>`) and per client address (`address:<ip>`) in the current window.
CREATE TABLE sign_in_failure (
    key          text        PRIMARY KEY,
    failures     integer     NOT NULL,
    window_start timestamptz NOT NULL
);

-- Answers depend on who asks (viewer, tokens, accounts): a change of an account or a token is a change of the
-- data for the response cache, announced like any other (data_changed, V6). Sessions and sign-in failures are not.
CREATE TRIGGER account_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON account
    FOR EACH STATEMENT EXECUTE FUNCTION data_changed();
CREATE TRIGGER api_token_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON api_token
    FOR EACH STATEMENT EXECUTE FUNCTION data_changed();
