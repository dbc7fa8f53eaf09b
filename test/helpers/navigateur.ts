import fs from "node:fs";
import path from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { onTestFailed } from "vitest";
import { RACINE } from "./processus.js";

/** Debian's Chromium (apt-get install -y chromium); never a downloaded browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CAPTURES = path.join(RACINE, "captures");

export async function lancerNavigateur(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium introuvable (${CHROMIUM}) : installez-le avec « apt-get install -y chromium ».`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** A page of its own (own cookies), 1366×768 unless told, that fails the test on any script error. */
export async function nouvellePage(
  navigateur: Browser,
  options: { largeur?: number; hauteur?: number; locale?: string; fuseau?: string } = {},
): Promise<Page> {
  // a browser set to UTC: what the extranet shows and reads must be Paris time whatever the machine's zone
  const contexte = await navigateur.newContext({
    viewport: { width: options.largeur ?? 1366, height: options.hauteur ?? 768 },
    locale: options.locale ?? "fr-FR",
    timezoneId: options.fuseau ?? "UTC",
  });
  const page = await contexte.newPage();
  const erreurs: string[] = [];
  page.on("pageerror", (e) => erreurs.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") erreurs.push(m.text().slice(0, 500));
  });
  // a failed step leaves a picture of the screen and the page's script errors behind
  onTestFailed(async ({ task }) => {
    if (page.isClosed()) return;
    await capture(page, `echec-${task.name.slice(0, 40).replace(/[^a-z0-9]+/gi, "-")}-${Date.now()}`);
    if (erreurs.length) console.error(`erreurs JavaScript : ${erreurs.join(" | ")}`);
  });
  return page;
}

export async function capture(page: Page, nom: string) {
  fs.mkdirSync(CAPTURES, { recursive: true });
  await page.screenshot({ path: path.join(CAPTURES, `${nom}.png`) });
}

export async function connecter(page: Page, url: string, login: string, motDePasse: string) {
  await page.goto(`${url}/admin/telephony/`);
  await page.locator("input[name=username]").fill(login);
  await page.locator("input[name=password]").fill(motDePasse);
  await page.locator("button[type=submit]").click();
  try {
    await page
      .getByRole("menuitem", { name: /Tableau de bord/ })
      .first()
      .waitFor();
  } catch (e) {
    await capture(page, `echec-connexion-${login}`);
    throw e;
  }
}

/** The API as a logged-in person calls it: session cookie plus anti-CSRF token. */
export async function sessionApi(url: string, login: string, motDePasse: string) {
  const r = await fetch(`${url}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ login, mot_de_passe: motDePasse }),
  });
  if (!r.ok) throw new Error(`login ${login}: ${r.status} ${await r.text()}`);
  const { csrf } = (await r.json()) as { csrf: string };
  const cookie = r.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return async <T = Record<string, unknown>>(
    methode: string,
    chemin: string,
    corps?: unknown,
  ): Promise<T> => {
    const rep = await fetch(`${url}/api/v1${chemin}`, {
      method: methode,
      headers: {
        cookie,
        "x-csrf-token": csrf,
        ...(corps === undefined ? {} : { "content-type": "application/json" }),
      },
      body: corps === undefined ? undefined : JSON.stringify(corps),
    });
    const texte = await rep.text();
    if (!rep.ok) throw new Error(`${methode} ${chemin}: ${rep.status} ${texte}`);
    return (texte ? JSON.parse(texte) : {}) as T;
  };
}
