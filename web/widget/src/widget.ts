import {
  ConnectionError,
  ConnectionErrorReason,
  DisconnectReason,
  MediaDeviceFailure,
  Participant,
  RemoteParticipant,
  RemoteTrack,
  Room,
  RoomEvent,
  Track,
  type TextStreamReader,
} from 'livekit-client';
import type { Language, Texts } from './i18n';
import { STYLES } from './styles';

/** How the page configured the widget (from the script tag's data attributes). */
export interface WidgetConfig {
  /** Sofia's base URL, without a trailing slash; the connect endpoint is below it. */
  sofiaUrl: string;
  language: Language;
  texts: Texts;
  /** Connect through TURN only (restricted networks). */
  relay: boolean;
  /** Milliseconds to wait for Sofia to join before saying she is not available. */
  agentTimeoutMs: number;
}

/** What POST /api/sofia/connect answers. */
interface ConnectAnswer {
  url: string;
  token: string;
  room: string;
  identity: string;
  expiresAt: string;
}

/** The widget's own phases; Sofia's state while in a call is shown beside it. */
type Phase = 'idle' | 'connecting' | 'waiting' | 'in-call' | 'ended' | 'failed';

type AgentState = 'listening' | 'thinking' | 'speaking';

const TOPIC_CHAT = 'lk.chat';
const TOPIC_TRANSCRIPTION = 'lk.transcription';
const ATTRIBUTE_AGENT_STATE = 'lk.agent.state';
const ATTRIBUTE_TRACK_ID = 'lk.transcribed_track_id';
const ATTRIBUTE_SEGMENT_ID = 'lk.segment_id';
const MAX_CHAT_LENGTH = 500;

/** A failure the widget explains to the caller in its own words (never the server's). */
class CallFailure extends Error {
  constructor(readonly explanation: string) {
    super(explanation);
  }
}

const PHONE_ICON =
  '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M6.6 10.8a15.1 15.1 0 0 0 6.6 ' +
  '6.6l2.2-2.2a1 1 0 0 1 1-.25 11.4 11.4 0 0 0 3.6.57 1 1 0 0 1 1 1V20a1 1 0 0 1-1 1A17 17 0 0 1 3 4a1 1 0 0 1 1-1h3.5a1 ' +
  '1 0 0 1 1 1c0 1.25.2 2.46.57 3.6a1 1 0 0 1-.25 1z"/></svg>';

/**
 * The "Mit Sofia sprechen" widget: a button that opens a call with Sofia in a LiveKit room, and a
 * panel with her state, the transcript of both sides, a text chat, mute and hang up. Everything
 * lives in a shadow root on {@code host}.
 */
export class SofiaWidget {
  private readonly t: Texts;
  private readonly shadow: ShadowRoot;
  private readonly rootEl: HTMLDivElement;
  private readonly launchButton: HTMLButtonElement;
  private readonly panel: HTMLElement;
  private readonly stateEl: HTMLElement;
  private readonly noticeEl: HTMLElement;
  private readonly transcriptEl: HTMLOListElement;
  private readonly chatForm: HTMLFormElement;
  private readonly chatInput: HTMLInputElement;
  private readonly sendButton: HTMLButtonElement;
  private readonly muteButton: HTMLButtonElement;
  private readonly hangUpButton: HTMLButtonElement;
  private readonly closeButton: HTMLButtonElement;
  private readonly audioButton: HTMLButtonElement;
  private readonly relayCheckbox: HTMLInputElement;
  private readonly audioBox: HTMLDivElement;

  private phase: Phase = 'idle';
  private room: Room | undefined;
  /** Counts calls, so the answers of an abandoned attempt do not touch a newer one. */
  private attempt = 0;
  private agentTimer: number | undefined;
  private muted = false;
  private microphoneOn = false;
  /** The caller's typed texts not yet seen back as transcriptions (the agent may echo them). */
  private readonly typed: string[] = [];
  private readonly segments = new Map<string, HTMLElement>();

  constructor(
    host: HTMLElement,
    private readonly config: WidgetConfig,
  ) {
    this.t = config.texts;
    this.shadow = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = STYLES;
    this.shadow.append(style);

    this.rootEl = element('div', { class: 'root', lang: config.language });
    this.rootEl.dataset.phase = this.phase;

    this.panel = element('section', { class: 'panel', role: 'region', 'aria-label': this.t.panelLabel });
    this.panel.hidden = true;
    const head = element('div', { class: 'head' });
    const title = element('h2', { class: 'title', tabindex: '-1' });
    title.textContent = this.t.title;
    this.stateEl = element('span', { class: 'state', role: 'status' });
    head.append(title, this.stateEl);

    this.noticeEl = element('p', { class: 'notice', role: 'alert' });
    this.noticeEl.hidden = true;

    this.transcriptEl = element('ol', {
      class: 'transcript',
      'aria-live': 'polite',
      'aria-relevant': 'additions text',
      'aria-label': this.t.transcriptLabel,
    });

    this.chatForm = element('form', { class: 'chat' });
    const chatId = 'sofia-chat-input';
    const chatLabel = element('label', { class: 'sr', for: chatId });
    chatLabel.textContent = this.t.chatLabel;
    this.chatInput = element('input', {
      id: chatId,
      type: 'text',
      autocomplete: 'off',
      maxlength: String(MAX_CHAT_LENGTH),
      placeholder: this.t.chatPlaceholder,
    });
    this.sendButton = element('button', { type: 'submit', class: 'send' });
    this.sendButton.textContent = this.t.send;
    this.chatForm.append(chatLabel, this.chatInput, this.sendButton);

    const controls = element('div', { class: 'controls' });
    this.muteButton = element('button', { type: 'button', class: 'mute', 'aria-pressed': 'false' });
    this.muteButton.textContent = this.t.mute;
    this.hangUpButton = element('button', { type: 'button', class: 'hangup' });
    this.hangUpButton.textContent = this.t.hangUp;
    this.audioButton = element('button', { type: 'button', class: 'unlock-audio' });
    this.audioButton.textContent = this.t.enableAudio;
    this.audioButton.hidden = true;
    this.closeButton = element('button', { type: 'button', class: 'close' });
    this.closeButton.textContent = this.t.close;
    controls.append(this.muteButton, this.hangUpButton, this.audioButton, this.closeButton);

    const relayLabel = element('label', { class: 'relay' });
    this.relayCheckbox = element('input', { type: 'checkbox', class: 'relay-option' });
    this.relayCheckbox.checked = config.relay;
    const relayText = element('span');
    relayText.textContent = this.t.relay;
    relayLabel.append(this.relayCheckbox, relayText);

    this.audioBox = element('div', { class: 'audio' });

    this.panel.append(head, this.noticeEl, this.transcriptEl, this.chatForm, controls, relayLabel);

    this.launchButton = element('button', { type: 'button', class: 'launch' });
    this.launchButton.innerHTML = PHONE_ICON;
    this.launchButton.append(document.createTextNode(this.t.launch));

    this.rootEl.append(this.panel, this.launchButton, this.audioBox);
    this.shadow.append(this.rootEl);

    this.launchButton.addEventListener('click', () => void this.start());
    this.hangUpButton.addEventListener('click', () => void this.hangUp());
    this.muteButton.addEventListener('click', () => void this.toggleMute());
    this.audioButton.addEventListener('click', () => void this.room?.startAudio());
    this.closeButton.addEventListener('click', () => this.close());
    this.chatForm.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.sendChat();
    });
    this.render();
  }

  /** Starts a call: connect endpoint, LiveKit room, microphone, and waiting for Sofia. */
  async start(): Promise<void> {
    if (this.phase === 'connecting' || this.phase === 'waiting' || this.phase === 'in-call') {
      return;
    }
    const attempt = ++this.attempt;
    this.clearTranscript();
    this.showNotice(undefined);
    this.muted = false;
    this.microphoneOn = false;
    this.panel.hidden = false;
    this.setPhase('connecting');
    this.shadow.querySelector<HTMLElement>('.title')?.focus();

    try {
      const answer = await this.requestCall();
      if (attempt !== this.attempt) return;
      const room = this.createRoom(attempt);
      this.room = room;
      await this.joinRoom(room, answer);
      if (attempt !== this.attempt) {
        await room.disconnect();
        return;
      }
      this.setPhase(this.findAgent(room) ? 'in-call' : 'waiting');
      this.watchForAgent(room, attempt);
      await this.enableMicrophone(room);
      if (attempt !== this.attempt) return;
      // The click's user activation may have expired during the requests: ask to play now, and
      // offer a button if the browser still says no (AudioPlaybackStatusChanged).
      void room.startAudio().catch(() => undefined);
      this.render();
    } catch (error) {
      if (attempt !== this.attempt) return;
      const explanation = error instanceof CallFailure ? error.explanation : this.t.errors.connectionFailed;
      if (!(error instanceof CallFailure)) {
        console.warn('[sofia-widget] the call could not start', error);
      }
      await this.fail(explanation);
    }
  }

  /** Ends the call from the caller's side. */
  async hangUp(): Promise<void> {
    const room = this.room;
    this.attempt++;
    this.clearAgentTimer();
    this.room = undefined;
    this.setPhase('ended');
    if (room) {
      await room.disconnect();
    }
  }

  private close(): void {
    if (this.phase === 'connecting' || this.phase === 'waiting' || this.phase === 'in-call') {
      void this.hangUp();
    }
    this.panel.hidden = true;
    this.launchButton.focus();
  }

  private async requestCall(): Promise<ConnectAnswer> {
    let response: Response;
    try {
      response = await fetch(`${this.config.sofiaUrl}/api/sofia/connect`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json, application/problem+json' },
        body: JSON.stringify({ language: this.config.language }),
        credentials: 'omit',
        mode: 'cors',
      });
    } catch (error) {
      console.warn('[sofia-widget] Sofia is unreachable', error);
      throw new CallFailure(this.t.errors.serverUnreachable);
    }
    if (response.status === 429) {
      const seconds = Number.parseInt(response.headers.get('Retry-After') ?? '', 10);
      throw new CallFailure(this.t.errors.tooManyAttempts(Number.isFinite(seconds) && seconds > 0 ? seconds : 10));
    }
    if (!response.ok) {
      console.warn('[sofia-widget] the connect endpoint answered', response.status, await safeText(response));
      throw new CallFailure(this.t.errors.serverRefused(response.status));
    }
    let answer: Partial<ConnectAnswer>;
    try {
      answer = (await response.json()) as Partial<ConnectAnswer>;
    } catch {
      throw new CallFailure(this.t.errors.serverRefused(response.status));
    }
    if (typeof answer.url !== 'string' || typeof answer.token !== 'string') {
      throw new CallFailure(this.t.errors.serverRefused(response.status));
    }
    this.rootEl.dataset.room = answer.room ?? '';
    return answer as ConnectAnswer;
  }

  private createRoom(attempt: number): Room {
    const room = new Room({ adaptiveStream: false, dynacast: false });
    const current = () => attempt === this.attempt && this.room === room;
    // A failing connect() also emits Disconnected: that failure is explained where connect() throws.
    const joined = () => current() && this.phase !== 'connecting';

    room.on(RoomEvent.TrackSubscribed, (track: RemoteTrack) => {
      if (track.kind === Track.Kind.Audio) {
        const audio = track.attach();
        this.audioBox.append(audio);
      }
    });
    room.on(RoomEvent.TrackUnsubscribed, (track: RemoteTrack) => {
      track.detach().forEach((el) => el.remove());
    });
    room.on(RoomEvent.AudioPlaybackStatusChanged, () => {
      this.audioButton.hidden = room.canPlaybackAudio;
    });
    room.on(RoomEvent.ParticipantConnected, (participant: RemoteParticipant) => {
      if (current() && isAgent(participant)) this.agentArrived(participant);
    });
    room.on(RoomEvent.ParticipantAttributesChanged, (_changed: Record<string, string>, participant: Participant) => {
      if (current() && isAgent(participant) && participant !== room.localParticipant) {
        this.agentArrived(participant);
      }
    });
    room.on(RoomEvent.ParticipantDisconnected, (participant: RemoteParticipant) => {
      if (current() && isAgent(participant) && !this.findAgent(room)) {
        // Sofia left (she ends the call after her goodbye): the call is over.
        this.showNotice(this.t.endedByAgent);
        void this.hangUp();
      }
    });
    room.on(RoomEvent.Disconnected, (reason?: DisconnectReason) => {
      if (!joined()) return;
      this.attempt++;
      this.room = undefined;
      this.clearAgentTimer();
      if (reason === DisconnectReason.CLIENT_INITIATED) {
        this.setPhase('ended');
      } else if (reason === DisconnectReason.ROOM_DELETED || reason === DisconnectReason.PARTICIPANT_REMOVED) {
        this.showNotice(this.t.endedByAgent);
        this.setPhase('ended');
      } else {
        this.showNotice(this.t.errors.connectionLost);
        this.setPhase('failed');
      }
    });
    room.registerTextStreamHandler(TOPIC_TRANSCRIPTION, (reader, participantInfo) => {
      if (current()) void this.readTranscription(room, reader, participantInfo.identity);
    });
    return room;
  }

  private async joinRoom(room: Room, answer: ConnectAnswer): Promise<void> {
    const relay = this.relayCheckbox.checked;
    try {
      await room.connect(answer.url, answer.token, {
        autoSubscribe: true,
        ...(relay ? { rtcConfig: { iceTransportPolicy: 'relay' } } : {}),
      });
    } catch (error) {
      console.warn('[sofia-widget] LiveKit refused or failed the connection', error);
      if (error instanceof ConnectionError && error.reason === ConnectionErrorReason.NotAllowed) {
        throw new CallFailure(this.t.errors.tokenRejected);
      }
      throw new CallFailure(relay ? this.t.errors.connectionFailedRelay : this.t.errors.connectionFailed);
    }
  }

  private async enableMicrophone(room: Room): Promise<void> {
    try {
      await room.localParticipant.setMicrophoneEnabled(true);
      this.microphoneOn = true;
    } catch (error) {
      console.warn('[sofia-widget] no microphone', error);
      const failure = MediaDeviceFailure.getFailure(error);
      this.microphoneOn = false;
      // The call goes on: the caller can still hear Sofia and write to her.
      this.showNotice(
        failure === MediaDeviceFailure.NotFound ? this.t.errors.microphoneMissing : this.t.errors.microphoneDenied,
      );
      this.rootEl.dataset.microphone = failure === MediaDeviceFailure.NotFound ? 'missing' : 'denied';
    }
  }

  private watchForAgent(room: Room, attempt: number): void {
    const agent = this.findAgent(room);
    if (agent) {
      this.agentArrived(agent);
      return;
    }
    this.clearAgentTimer();
    this.agentTimer = window.setTimeout(() => {
      if (attempt === this.attempt && this.room === room && !this.findAgent(room)) {
        void this.fail(this.t.errors.noAgent);
      }
    }, this.config.agentTimeoutMs);
  }

  private agentArrived(agent: Participant): void {
    this.clearAgentTimer();
    if (this.phase === 'waiting' || this.phase === 'connecting') {
      this.setPhase('in-call');
    }
    const state = agent.attributes[ATTRIBUTE_AGENT_STATE];
    if (state === 'listening' || state === 'thinking' || state === 'speaking') {
      this.setAgentState(state);
    }
  }

  private findAgent(room: Room): RemoteParticipant | undefined {
    for (const participant of room.remoteParticipants.values()) {
      if (isAgent(participant)) return participant;
    }
    return undefined;
  }

  private async readTranscription(room: Room, reader: TextStreamReader, identity: string): Promise<void> {
    const attributes = reader.info.attributes ?? {};
    const trackId = attributes[ATTRIBUTE_TRACK_ID];
    const ownTrack = trackId !== undefined && [...room.localParticipant.trackPublications.keys()].includes(trackId);
    if (identity === room.localParticipant.identity || ownTrack) {
      // What the caller said, as the agent's speech recognition understood it.
      const text = (await reader.readAll()).trim();
      const echo = this.typed.indexOf(text);
      if (echo >= 0) {
        this.typed.splice(echo, 1);
      } else if (text) {
        this.addLine('caller', text);
      }
      return;
    }
    const segmentId = attributes[ATTRIBUTE_SEGMENT_ID] ?? reader.info.id;
    let line = this.segments.get(segmentId);
    if (!line) {
      line = this.addLine('agent', '');
      this.segments.set(segmentId, line);
    }
    const textEl = line.querySelector('.text') as HTMLElement;
    try {
      for await (const delta of reader) {
        textEl.textContent = (textEl.textContent ?? '') + delta;
        this.scrollToEnd();
      }
    } catch (error) {
      console.debug('[sofia-widget] a transcription ended early', error);
    } finally {
      this.segments.delete(segmentId);
      if (!textEl.textContent?.trim()) line.remove();
    }
  }

  private async sendChat(): Promise<void> {
    const room = this.room;
    const text = this.chatInput.value.trim().slice(0, MAX_CHAT_LENGTH);
    if (!room || !text || this.phase !== 'in-call') return;
    this.chatInput.value = '';
    const line = this.addLine('caller', text);
    this.typed.push(text);
    if (this.typed.length > 20) this.typed.shift();
    try {
      await room.localParticipant.sendText(text, { topic: TOPIC_CHAT });
    } catch (error) {
      console.warn('[sofia-widget] the message was not sent', error);
      const flag = element('span', { class: 'flag' });
      flag.textContent = `(${this.t.errors.notSent})`;
      line.append(flag);
    }
  }

  private async toggleMute(): Promise<void> {
    const room = this.room;
    if (!room || !this.microphoneOn) return;
    const next = !this.muted;
    try {
      await room.localParticipant.setMicrophoneEnabled(!next);
      this.muted = next;
    } catch (error) {
      console.warn('[sofia-widget] could not switch the microphone', error);
    }
    this.render();
  }

  private async fail(explanation: string): Promise<void> {
    const room = this.room;
    this.attempt++;
    this.room = undefined;
    this.clearAgentTimer();
    this.showNotice(explanation);
    this.setPhase('failed');
    if (room) {
      await room.disconnect().catch(() => undefined);
    }
  }

  private setPhase(phase: Phase): void {
    this.phase = phase;
    if (phase !== 'in-call') {
      delete this.rootEl.dataset.agentState;
    }
    this.render();
  }

  private setAgentState(state: AgentState): void {
    this.rootEl.dataset.agentState = state;
    this.render();
  }

  private render(): void {
    const phase = this.phase;
    const active = phase === 'connecting' || phase === 'waiting' || phase === 'in-call';
    this.rootEl.dataset.phase = phase;
    this.launchButton.hidden = active;
    const agentState = this.rootEl.dataset.agentState as AgentState | undefined;
    let label: string;
    switch (phase) {
      case 'idle':
        label = '';
        break;
      case 'connecting':
        label = this.t.state.connecting;
        break;
      case 'waiting':
        label = this.t.state.waiting;
        break;
      case 'in-call':
        label = agentState ? this.t.state[agentState] : this.t.state.waiting;
        break;
      case 'ended':
        label = this.t.state.ended;
        break;
      case 'failed':
        label = this.t.state.failed;
        break;
    }
    if (this.stateEl.textContent !== label) this.stateEl.textContent = label;
    const inCall = phase === 'in-call';
    this.chatInput.disabled = !inCall;
    this.sendButton.disabled = !inCall;
    this.hangUpButton.hidden = !active;
    this.closeButton.hidden = active;
    this.muteButton.hidden = !active;
    this.muteButton.disabled = !inCall || !this.microphoneOn;
    this.muteButton.setAttribute('aria-pressed', String(this.muted));
    this.muteButton.textContent = this.muted ? this.t.unmute : this.t.mute;
    this.relayCheckbox.disabled = active;
    if (!active) this.audioButton.hidden = true;
  }

  private showNotice(text: string | undefined): void {
    this.noticeEl.textContent = text ?? '';
    this.noticeEl.hidden = !text;
  }

  private addLine(who: 'agent' | 'caller', text: string): HTMLElement {
    const line = element('li', { class: `line ${who}` });
    const name = element('span', { class: 'who' });
    name.textContent = `${who === 'agent' ? this.t.sofia : this.t.you}:`;
    const body = element('span', { class: 'text' });
    body.textContent = text;
    line.append(name, body);
    this.transcriptEl.append(line);
    this.scrollToEnd();
    return line;
  }

  private clearTranscript(): void {
    this.transcriptEl.replaceChildren();
    this.segments.clear();
    this.typed.length = 0;
  }

  private scrollToEnd(): void {
    this.transcriptEl.scrollTop = this.transcriptEl.scrollHeight;
  }

  private clearAgentTimer(): void {
    if (this.agentTimer !== undefined) {
      window.clearTimeout(this.agentTimer);
      this.agentTimer = undefined;
    }
  }
}

/** An agent joins with kind AGENT; its state attribute or a conventional identity also tell. */
function isAgent(participant: Participant): boolean {
  return (
    participant.isAgent ||
    participant.attributes[ATTRIBUTE_AGENT_STATE] !== undefined ||
    participant.identity.startsWith('agent-')
  );
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    el.setAttribute(name, value);
  }
  return el;
}

async function safeText(response: Response): Promise<string> {
  try {
    return (await response.text()).slice(0, 500);
  } catch {
    return '';
  }
}
