/**
 * The authenticator app (TOTP, RFC 6238): the algorithm, the secret and its encryption at rest,
 * the otpauth URI and QR code. Published as the named interface {@code signin :: totp} so the
 * staff console signs staff in with the very same algorithm and cipher.
 */
@org.springframework.modulith.NamedInterface("totp")
package jp.kenpoportal.signin.totp;
