/**
 * The widget's styles, inside its shadow root: the host page's CSS cannot reach in, and these rules
 * cannot leak out. `:host { all: initial }` also stops inherited properties (font, colour, line
 * height) of the page from changing the widget.
 */
export const STYLES = `
:host {
  all: initial;
  position: fixed;
  right: 20px;
  bottom: 20px;
  z-index: 2147483000;
  font: 15px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: #1d2630;
}
:host([data-inline]) {
  position: static;
  display: block;
}
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
button, input { font: inherit; }
button {
  cursor: pointer;
  border-radius: 8px;
  border: 1px solid #0b6e6e;
  background: #fff;
  color: #0b5959;
  padding: 8px 12px;
}
button:hover { background: #e8f4f4; }
button:focus-visible, input:focus-visible {
  outline: 3px solid #f0a500;
  outline-offset: 2px;
}
button:disabled { opacity: 0.5; cursor: not-allowed; }
.launch {
  display: inline-flex;
  align-items: center;
  gap: 8px;
  background: #0b6e6e;
  color: #fff;
  border: none;
  border-radius: 999px;
  padding: 12px 20px;
  font-weight: 600;
  box-shadow: 0 4px 14px rgba(0, 0, 0, 0.2);
}
.launch:hover { background: #095959; }
.launch svg { width: 18px; height: 18px; fill: currentColor; }
.panel {
  width: min(360px, calc(100vw - 40px));
  max-height: min(560px, calc(100vh - 40px));
  display: flex;
  flex-direction: column;
  gap: 8px;
  background: #fff;
  border: 1px solid #c9d3dc;
  border-radius: 12px;
  box-shadow: 0 8px 28px rgba(0, 0, 0, 0.22);
  padding: 12px;
  margin-bottom: 10px;
}
.head { display: flex; align-items: baseline; justify-content: space-between; gap: 8px; }
.title { font-weight: 700; font-size: 16px; margin: 0; }
.state { font-size: 13px; color: #0b5959; white-space: nowrap; }
.state::before {
  content: "";
  display: inline-block;
  width: 8px; height: 8px;
  border-radius: 50%;
  margin-right: 6px;
  background: #9aa7b3;
}
.root[data-agent-state="listening"] .state::before { background: #2e9d4f; }
.root[data-agent-state="thinking"] .state::before { background: #f0a500; }
.root[data-agent-state="speaking"] .state::before { background: #0b6e6e; }
.notice {
  margin: 0;
  padding: 8px 10px;
  border-radius: 8px;
  background: #fff4e0;
  border: 1px solid #f0c36d;
  color: #5a3b00;
  font-size: 14px;
}
.transcript {
  list-style: none;
  margin: 0;
  padding: 0;
  overflow-y: auto;
  min-height: 80px;
  max-height: 280px;
  display: flex;
  flex-direction: column;
  gap: 6px;
}
.line { padding: 6px 10px; border-radius: 10px; max-width: 90%; white-space: pre-wrap; }
.line.agent { background: #e8f4f4; align-self: flex-start; }
.line.caller { background: #eef1f5; align-self: flex-end; }
.who { font-weight: 600; margin-right: 4px; }
.line .flag { font-size: 12px; color: #8a1c1c; margin-left: 6px; }
.chat { display: flex; gap: 6px; }
.chat input {
  flex: 1;
  min-width: 0;
  border: 1px solid #9aa7b3;
  border-radius: 8px;
  padding: 8px 10px;
  color: inherit;
  background: #fff;
}
.controls { display: flex; gap: 6px; flex-wrap: wrap; }
.hangup { border-color: #a12a2a; color: #a12a2a; }
.hangup:hover { background: #fbeaea; }
.mute[aria-pressed="true"] { background: #0b6e6e; color: #fff; }
.relay { font-size: 13px; color: #4a5663; display: flex; gap: 6px; align-items: flex-start; }
.sr {
  position: absolute;
  width: 1px; height: 1px;
  margin: -1px; padding: 0;
  overflow: hidden;
  clip: rect(0 0 0 0);
  white-space: nowrap;
  border: 0;
}
.audio { display: none; }
`;
