/** The widget's words in German (the default), English and Russian. */

export type Language = 'de' | 'en' | 'ru';

export interface Texts {
  launch: string;
  panelLabel: string;
  title: string;
  transcriptLabel: string;
  you: string;
  sofia: string;
  chatLabel: string;
  chatPlaceholder: string;
  send: string;
  mute: string;
  unmute: string;
  hangUp: string;
  close: string;
  enableAudio: string;
  relay: string;
  state: {
    connecting: string;
    waiting: string;
    listening: string;
    thinking: string;
    speaking: string;
    ended: string;
    failed: string;
  };
  errors: {
    microphoneDenied: string;
    microphoneMissing: string;
    serverUnreachable: string;
    serverRefused: (status: number) => string;
    tooManyAttempts: (seconds: number) => string;
    tokenRejected: string;
    connectionFailed: string;
    connectionFailedRelay: string;
    noAgent: string;
    connectionLost: string;
    notSent: string;
  };
  endedByAgent: string;
}

const de: Texts = {
  launch: 'Mit Sofia sprechen',
  panelLabel: 'Gespräch mit Sofia',
  title: 'Sofia – Empfang der Praxis',
  transcriptLabel: 'Gesprächsverlauf',
  you: 'Sie',
  sofia: 'Sofia',
  chatLabel: 'Nachricht an Sofia',
  chatPlaceholder: 'Oder hier schreiben …',
  send: 'Senden',
  mute: 'Stummschalten',
  unmute: 'Mikrofon einschalten',
  hangUp: 'Auflegen',
  close: 'Schließen',
  enableAudio: 'Ton einschalten',
  relay: 'Eingeschränktes Netzwerk (über einen Relay-Server verbinden)',
  state: {
    connecting: 'Verbindung wird aufgebaut …',
    waiting: 'Sofia wird gerufen …',
    listening: 'hört zu',
    thinking: 'denkt nach',
    speaking: 'spricht',
    ended: 'Gespräch beendet',
    failed: 'Nicht verbunden',
  },
  errors: {
    microphoneDenied:
      'Kein Zugriff auf das Mikrofon. Sie können Sofia trotzdem schreiben – im Textfeld unten. ' +
      'Zum Sprechen erlauben Sie das Mikrofon in den Einstellungen Ihres Browsers.',
    microphoneMissing:
      'Kein Mikrofon gefunden. Sie können Sofia trotzdem schreiben – im Textfeld unten.',
    serverUnreachable:
      'Sofia ist gerade nicht erreichbar. Bitte prüfen Sie Ihre Internetverbindung ' +
      'oder versuchen Sie es später noch einmal.',
    serverRefused: (status) =>
      `Das Gespräch konnte nicht gestartet werden (Fehler ${status}). ` +
      'Bitte versuchen Sie es später noch einmal oder rufen Sie die Praxis an.',
    tooManyAttempts: (seconds) =>
      `Zu viele Versuche. Bitte warten Sie ${seconds} Sekunden und versuchen Sie es dann erneut.`,
    tokenRejected:
      'Der Sprachserver hat die Verbindung abgelehnt. Bitte laden Sie die Seite neu ' +
      'und versuchen Sie es erneut.',
    connectionFailed:
      'Die Sprachverbindung konnte nicht aufgebaut werden. Falls Ihr Netzwerk Anrufe blockiert, ' +
      'wählen Sie „Eingeschränktes Netzwerk“ und versuchen Sie es erneut.',
    connectionFailedRelay:
      'Die Sprachverbindung konnte auch über den Relay-Server nicht aufgebaut werden. ' +
      'Bitte versuchen Sie es später noch einmal oder rufen Sie die Praxis an.',
    noAgent:
      'Sofia ist gerade nicht verfügbar. Bitte versuchen Sie es später noch einmal ' +
      'oder rufen Sie die Praxis an.',
    connectionLost: 'Die Verbindung wurde unterbrochen.',
    notSent: 'nicht gesendet',
  },
  endedByAgent: 'Sofia hat das Gespräch beendet.',
};

const en: Texts = {
  launch: 'Talk to Sofia',
  panelLabel: 'Conversation with Sofia',
  title: 'Sofia – practice reception',
  transcriptLabel: 'Conversation',
  you: 'You',
  sofia: 'Sofia',
  chatLabel: 'Message to Sofia',
  chatPlaceholder: 'Or type here …',
  send: 'Send',
  mute: 'Mute',
  unmute: 'Unmute',
  hangUp: 'Hang up',
  close: 'Close',
  enableAudio: 'Turn sound on',
  relay: 'Restricted network (connect through a relay server)',
  state: {
    connecting: 'Connecting …',
    waiting: 'Calling Sofia …',
    listening: 'listening',
    thinking: 'thinking',
    speaking: 'speaking',
    ended: 'Call ended',
    failed: 'Not connected',
  },
  errors: {
    microphoneDenied:
      'No access to the microphone. You can still write to Sofia in the text field below. ' +
      'To speak, allow the microphone in your browser settings.',
    microphoneMissing: 'No microphone found. You can still write to Sofia in the text field below.',
    serverUnreachable:
      'Sofia cannot be reached right now. Please check your internet connection or try again later.',
    serverRefused: (status) =>
      `The call could not be started (error ${status}). Please try again later or call the practice.`,
    tooManyAttempts: (seconds) => `Too many attempts. Please wait ${seconds} seconds and try again.`,
    tokenRejected: 'The voice server refused the connection. Please reload the page and try again.',
    connectionFailed:
      'The voice connection could not be established. If your network blocks calls, ' +
      'choose “Restricted network” and try again.',
    connectionFailedRelay:
      'The voice connection could not be established through the relay server either. ' +
      'Please try again later or call the practice.',
    noAgent: 'Sofia is not available right now. Please try again later or call the practice.',
    connectionLost: 'The connection was lost.',
    notSent: 'not sent',
  },
  endedByAgent: 'Sofia ended the call.',
};

const ru: Texts = {
  launch: 'Поговорить с Софией',
  panelLabel: 'Разговор с Софией',
  title: 'София – регистратура',
  transcriptLabel: 'Ход разговора',
  you: 'Вы',
  sofia: 'София',
  chatLabel: 'Сообщение для Софии',
  chatPlaceholder: 'Или напишите здесь …',
  send: 'Отправить',
  mute: 'Выключить микрофон',
  unmute: 'Включить микрофон',
  hangUp: 'Завершить',
  close: 'Закрыть',
  enableAudio: 'Включить звук',
  relay: 'Ограниченная сеть (соединение через relay-сервер)',
  state: {
    connecting: 'Соединение …',
    waiting: 'Вызываем Софию …',
    listening: 'слушает',
    thinking: 'думает',
    speaking: 'говорит',
    ended: 'Разговор завершён',
    failed: 'Нет соединения',
  },
  errors: {
    microphoneDenied:
      'Нет доступа к микрофону. Вы можете написать Софии в поле ниже. ' +
      'Чтобы говорить, разрешите микрофон в настройках браузера.',
    microphoneMissing: 'Микрофон не найден. Вы можете написать Софии в поле ниже.',
    serverUnreachable:
      'София сейчас недоступна. Проверьте подключение к интернету или попробуйте позже.',
    serverRefused: (status) =>
      `Не удалось начать разговор (ошибка ${status}). Попробуйте позже или позвоните в клинику.`,
    tooManyAttempts: (seconds) => `Слишком много попыток. Подождите ${seconds} с и попробуйте снова.`,
    tokenRejected: 'Голосовой сервер отклонил соединение. Обновите страницу и попробуйте снова.',
    connectionFailed:
      'Не удалось установить голосовое соединение. Если ваша сеть блокирует звонки, ' +
      'выберите «Ограниченная сеть» и попробуйте снова.',
    connectionFailedRelay:
      'Не удалось установить соединение и через relay-сервер. Попробуйте позже или позвоните в клинику.',
    noAgent: 'София сейчас недоступна. Попробуйте позже или позвоните в клинику.',
    connectionLost: 'Соединение прервано.',
    notSent: 'не отправлено',
  },
  endedByAgent: 'София завершила разговор.',
};

const TEXTS: Record<Language, Texts> = { de, en, ru };

/** The language from data-lang, else the page's lang, else German. */
export function pickLanguage(dataLang: string | null | undefined, pageLang: string | null | undefined): Language {
  for (const candidate of [dataLang, pageLang]) {
    const code = (candidate ?? '').trim().toLowerCase().slice(0, 2);
    if (code === 'de' || code === 'en' || code === 'ru') {
      return code;
    }
  }
  return 'de';
}

export function textsFor(language: Language): Texts {
  return TEXTS[language];
}
