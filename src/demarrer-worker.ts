import fs from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker, type WorkerOptions } from "node:worker_threads";

// A worker thread runs a module of its own. Built, it is the .js beside the caller's. Run from the TypeScript
// sources (tests, tsx), the built one is used when there is one (`npm test` builds first); else a worker cannot
// load a .ts file by itself, and a two-line bootstrap registers tsx in it first (about a second more per start).
const SOURCE = import.meta.url.endsWith(".ts");
const RACINE_SOURCE = new URL("./", import.meta.url);
const RACINE_COMPILEE = SOURCE ? new URL("../dist/", import.meta.url) : RACINE_SOURCE;

/** Starts the worker module `chemin` (from src/, without extension: "db/pglite-worker"). */
export function demarrerWorker(chemin: string, options: WorkerOptions = {}): Worker {
  const compile = new URL(`${chemin}.js`, RACINE_COMPILEE);
  if (!SOURCE || fs.existsSync(compile)) return new Worker(compile, options);
  const tsx = pathToFileURL(
    createRequire(import.meta.url)
      .resolve("tsx/esm/api")
      .replace(/\.cjs$/, ".mjs"),
  ).href;
  const module = new URL(`${chemin}.ts`, RACINE_SOURCE).href;
  return new Worker(
    `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(module)}); });`,
    { ...options, eval: true },
  );
}
