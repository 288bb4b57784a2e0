-- Staff who log in to the review pages: reviewers, the security unit and admins.
CREATE TABLE staff_user (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- Lower case, so that "Admin" and "admin" are one account.
    username      text        NOT NULL UNIQUE CHECK (username = lower(username) AND username ~ '^[a-z0-9][a-z0-9._@-]{0,63}$'),
    -- bcrypt in Modular Crypt Format ($2a$...).
    password_hash text        NOT NULL,
    enabled       boolean     NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

-- A user may hold several roles; the names mirror org.vigil.security.Roles.
CREATE TABLE staff_user_role (
    user_id bigint NOT NULL REFERENCES staff_user (id) ON DELETE CASCADE,
    role    text   NOT NULL CHECK (role IN ('reviewer', 'security', 'admin')),
    PRIMARY KEY (user_id, role)
);

-- Failed logins per submitted username (known or not, so that the answer never reveals which exist).
CREATE TABLE login_throttle (
    username     text        PRIMARY KEY,
    failures     integer     NOT NULL,
    first_failed timestamptz NOT NULL,
    locked_until timestamptz
);
