#!/usr/bin/env node
import { executerCli, sortieProcessus } from "./cli/programme.js";

const { code, echec } = await executerCli(process.argv.slice(2), { env: process.env, io: sortieProcessus });
process.exitCode = code;
// a failed command may leave handles open (a server half started, a pool): it ends here
if (echec) process.exit(code);
