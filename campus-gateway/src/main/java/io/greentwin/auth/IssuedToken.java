package io.greentwin.auth;

/**
 * A signed token and how many seconds it stays valid: the body of {@code POST /api/2/auth/token}.
 */
public record IssuedToken(String token, long expiresIn) {}
