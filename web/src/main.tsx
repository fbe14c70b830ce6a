import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { registerShellWorker } from "./features/offline/register-worker";
import { languageReady } from "./i18n";
import "./styles.css";

registerShellWorker();

void languageReady.then(() =>
  createRoot(document.getElementById("root")!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
