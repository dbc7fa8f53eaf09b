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

/** Session-cookie login; the role drives the menu, the API enforces every rule again. */
export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    const r = await reponse(
      api.POST("/api/v1/auth/login", { body: { login: username, mot_de_passe: password } }),
    );
    moi = { ...r.utilisateur };
  },
  async logout() {
    if (moi) await api.POST("/api/v1/auth/logout").catch(() => undefined);
    moi = null;
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
    return moi ? { role: moi.role, client_id: moi.client_id } : null;
  },
};

export interface Permissions {
  role: string;
  client_id: number | null;
}
export const estPersonnel = (p: Permissions | undefined) => p?.role === "admin" || p?.role === "gestionnaire";
export const estInterne = (p: Permissions | undefined) => !!p && p.role !== "client";
