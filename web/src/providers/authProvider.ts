import type { AuthProvider } from "react-admin";
import { api, reponse } from "../api/client";
import type { Moi } from "../api/types";

let moi: Moi | null = null;

async function lireMoi(): Promise<Moi | null> {
  const r = await api.GET("/api/v1/auth/me");
  if (r.response.status === 401) return null;
  if (!r.response.ok || !r.data) throw new Error("Le serveur ne répond pas.");
  return r.data;
}

export const ROLE_LIBELLES: Record<string, string> = {
  admin: "Administrateur",
  gestionnaire: "Gestionnaire",
  lecteur: "Lecteur",
  client: "Client",
  hermes: "Hermes (technique)",
};

/** Session-cookie login; the caller's permissions drive menus and buttons, the API enforces every rule again. */
export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    const r = await reponse(
      api.POST("/api/v1/auth/login", { body: { login: username, mot_de_passe: password } }),
    );
    moi = { ...r.utilisateur };
  },
  async logout() {
    // an account of the company's sign-on also leaves the provider's session, where it has a sign-out (#31)
    const r = moi ? await api.POST("/api/v1/auth/logout").catch(() => undefined) : undefined;
    moi = null;
    const redirection = (r?.data as { redirection?: string } | undefined)?.redirection;
    if (redirection) window.location.href = redirection;
  },
  async checkAuth() {
    moi = moi ?? (await lireMoi());
    if (!moi) throw new Error("Session expirée : reconnectez-vous.");
  },
  async checkError(error: { status?: number }) {
    if (error?.status === 401) {
      moi = null;
      throw new Error("Session expirée : reconnectez-vous.");
    }
  },
  async getIdentity() {
    moi = moi ?? (await lireMoi());
    if (!moi) throw new Error("Non connecté.");
    return { ...moi, id: moi.id ?? moi.login, fullName: moi.nom };
  },
  async getPermissions() {
    moi = moi ?? (await lireMoi());
    return moi ? { client_id: moi.client_id, permissions: moi.permissions } : null;
  },
};

export type Permission = Moi["permissions"][number];
export interface Permissions {
  /** Set for an account bound to one client: the screens then speak of "its" numbers and orders. */
  client_id: number | null;
  permissions: Permission[];
}
/** What the server's policy (GET /auth/me) lets this user do; never a role name. */
export const peut = (p: Permissions | null | undefined, permission: Permission) =>
  !!p?.permissions.includes(permission);
