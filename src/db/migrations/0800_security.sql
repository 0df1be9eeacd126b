-- 0800 Security: fast counting of recent failed logins (brute-force throttling) from the audit log.
CREATE INDEX audit_log_failed_login_user_idx ON audit_log (username, at) WHERE action = 'auth.login-failed';
CREATE INDEX audit_log_failed_login_ip_idx ON audit_log (ip, at) WHERE action = 'auth.login-failed';
GRANT SELECT ON schema_migrations TO polku_app;
