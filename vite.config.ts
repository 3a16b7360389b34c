import path from "node:path";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const root = path.dirname(fileURLToPath(import.meta.url));

// The UI: web/ → web/dist. `sosei serve` builds it through Vite's JS API when missing or stale.
// Dev: `npx vite` (proxying /api to a running `sosei serve` on :3000).
export default defineConfig({
  root: path.join(root, "web"),
  base: "/",
  plugins: [react()],
  build: {
    outDir: path.join(root, "web/dist"),
    emptyOutDir: true,
    target: "es2022",
    chunkSizeWarningLimit: 1500,
  },
  server: { proxy: { "/api": "http://localhost:3000" }, fs: { allow: [root] } },
});
