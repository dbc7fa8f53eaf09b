import { parentPort, workerData } from "node:worker_threads";
import { lireFichier, type MessageLecture } from "./lecture-fichier.js";

// The worker thread of lireTableau (lecture.ts): reads one file, posts its rows, and ends.
const port = parentPort;
if (!port) throw new Error("lecture-worker runs as a worker thread");
port.once("message", (octets: ArrayBuffer) => {
  lireFichier(Buffer.from(octets), workerData.limites, (m: MessageLecture) => port.postMessage(m)).then(
    () => port.postMessage({ type: "fin" } satisfies MessageLecture),
    (e: Error & { status?: number; code?: string }) =>
      port.postMessage({
        type: "erreur",
        status: typeof e.status === "number" ? e.status : 422,
        code: typeof e.code === "string" && e.status ? e.code : "FICHIER_ILLISIBLE",
        message: e.status ? e.message : `Fichier illisible : ${e.message}`,
      } satisfies MessageLecture),
  );
});
