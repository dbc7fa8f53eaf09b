import type { FastifyReply } from "fastify";
import { COOKIE_CSRF, COOKIE_SESSION } from "./auth.hooks.js";
import type { SessionOuverte } from "./auth.service.js";

/** The session's cookies, as a password or the company's sign-on opened it: HttpOnly token, readable CSRF token. */
export function poserCookiesSession(reply: FastifyReply, s: SessionOuverte, secure: boolean) {
  const base = { path: "/", sameSite: "strict" as const, secure, expires: s.expire };
  reply.setCookie(COOKIE_SESSION, s.jeton, { ...base, httpOnly: true });
  reply.setCookie(COOKIE_CSRF, s.csrf, { ...base, httpOnly: false });
}

export function effacerCookiesSession(reply: FastifyReply, secure: boolean) {
  // the attributes they were set with, or some browsers keep them
  const base = { path: "/", sameSite: "strict" as const, secure };
  reply.clearCookie(COOKIE_SESSION, { ...base, httpOnly: true }).clearCookie(COOKIE_CSRF, base);
}
