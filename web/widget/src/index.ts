/**
 * Entry point of sofia-widget.js. A practice embeds it with one tag:
 *
 *   <script src="https://<sofia>/widget/sofia-widget.js" data-sofia-url="https://<sofia>"
 *           data-lang="de" defer></script>
 *
 * Data attributes of the tag:
 *   data-sofia-url  Sofia's base URL (default: where the script came from)
 *   data-lang       de, en or ru (default: the page's lang, else de)
 *   data-relay      "true": connect through a TURN relay only (restricted networks); the panel also
 *                   has a checkbox for it
 *   data-target     a CSS selector: render inside that element instead of floating bottom right
 */
import { pickLanguage, textsFor } from './i18n';
import { SofiaWidget, type WidgetConfig } from './widget';

declare global {
  interface Window {
    SofiaWidget?: { widget: SofiaWidget; config: WidgetConfig };
  }
}

const HOST_ID = 'sofia-widget';
const AGENT_TIMEOUT_MS = 15_000;

// Only valid while this script runs for the first time, so read it now.
const ownScript = document.currentScript as HTMLScriptElement | null;

function findScript(): HTMLScriptElement | null {
  return ownScript ?? document.querySelector<HTMLScriptElement>('script[data-sofia-url], script[src*="sofia-widget"]');
}

function readConfig(script: HTMLScriptElement | null): WidgetConfig {
  const data = script?.dataset ?? {};
  let sofiaUrl = (data.sofiaUrl ?? '').trim();
  if (!sofiaUrl && script?.src) {
    sofiaUrl = new URL(script.src, document.baseURI).origin;
  }
  if (!sofiaUrl) {
    sofiaUrl = window.location.origin;
  }
  try {
    sofiaUrl = new URL(sofiaUrl, document.baseURI).href; // a relative data-sofia-url is fine too
  } catch {
    console.warn('[sofia-widget] data-sofia-url is not a URL:', sofiaUrl);
  }
  sofiaUrl = sofiaUrl.replace(/\/+$/, '');
  const language = pickLanguage(data.lang, document.documentElement.lang);
  const timeout = Number.parseInt(data.agentTimeoutMs ?? '', 10);
  return {
    sofiaUrl,
    language,
    texts: textsFor(language),
    relay: (data.relay ?? '').trim().toLowerCase() === 'true',
    agentTimeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout : AGENT_TIMEOUT_MS,
  };
}

function mount(): void {
  if (document.getElementById(HOST_ID)) {
    return; // the script was included twice
  }
  const script = findScript();
  const config = readConfig(script);
  const host = document.createElement('div');
  host.id = HOST_ID;
  const selector = script?.dataset.target;
  const target = selector ? document.querySelector(selector) : null;
  if (target) {
    host.setAttribute('data-inline', '');
    target.append(host);
  } else {
    document.body.append(host);
  }
  window.SofiaWidget = { widget: new SofiaWidget(host, config), config };
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', mount, { once: true });
} else {
  mount();
}
