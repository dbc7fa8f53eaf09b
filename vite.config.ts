import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// Relative asset paths: the same build serves /admin/telephony/ and a reverse proxy's sub-path.
export default defineConfig({
  root: "web",
  base: "./",
  plugins: [react()],
  build: {
    outDir: "../dist/web",
    emptyOutDir: true,
    chunkSizeWarningLimit: 3000,
  },
  server: {
    // `npm run dev:web`: the interface with hot reload, the API from `npm run dev`
    proxy: { "/api": "http://127.0.0.1:3000" },
  },
});
