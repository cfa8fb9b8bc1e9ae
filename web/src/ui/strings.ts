// Every user-facing text of the client, in one place, ready for translation: the shell's texts
// here, each area's in its own ui/**/*Strings.ts, all gathered below. src/ui/uiText.test.ts fails
// when a UI module writes a literal text where users read or hear it.
import { accountStrings } from './account/accountStrings';
import { boardStrings } from './boardStrings';
import { chatStrings } from './chat/chatStrings';
import { historyStrings } from './history/historyStrings';
import { lobbyStrings } from './lobby/lobbyStrings';
import { peopleStrings } from './people/peopleStrings';
import { resourcesStrings } from './resources/resourcesStrings';
import { roomSettingsStrings } from './roomSettings/roomSettingsStrings';
import { sidePanelStrings } from './sidePanel/sidePanelStrings';
import { sprintStrings } from './sprint/sprintStrings';
import { statsStrings } from './stats/statsStrings';

/** The English texts. */
export const strings = {
  appName: 'StudyRooms',
  skipToBoard: 'Skip to the main content',
  startFailed: 'StudyRooms could not start. Please reload the page.',
  /** Shown instead of the name of a user who deleted their account (P-ACCT-4). */
  deletedUser: 'Deleted user',

  name: {
    heading: 'Welcome to StudyRooms',
    intro: 'Choose the name others will see. No account needed.',
    introRoom: 'Choose the name others will see, then you join the room.',
    label: 'Display name',
    submit: 'Continue',
    submitting: 'Signing in…',
    invalid: 'Enter a name of 1 to 40 characters, without control characters.',
    accountToggle: 'Have an account? Sign in',
    guestToggle: 'Continue as a guest instead',
    registerToggle: 'Create an account to keep your name, rooms and stats on every device',
    usernameLabel: 'Username',
    passwordLabel: 'Password',
    signInSubmit: 'Sign in',
    registerSubmit: 'Create account',
    invalidUsername: 'Usernames are 3 to 32 letters a–z, digits, dots, dashes or underscores.',
    invalidPassword: 'Passwords are 8 to 128 characters and not the username.',
  },

  account: accountStrings,
  lobby: lobbyStrings,
  board: boardStrings,
  chat: chatStrings,
  history: historyStrings,
  people: peopleStrings,
  resources: resourcesStrings,
  roomSettings: roomSettingsStrings,
  sidePanel: sidePanelStrings,
  sprint: sprintStrings,
  stats: statsStrings,

  home: {
    greeting: (name: string) => `Hi, ${name}`,
    changeName: 'Change name',
    createHeading: 'Create a study room',
    createIntro: 'You get a link to share; choose who else can find and join it.',
    roomNameLabel: 'Room name',
    roomNamePlaceholder: 'Calculus study group',
    topicLabel: 'Topic (optional)',
    topicPlaceholder: 'Limits and continuity',
    submit: 'Create room',
    submitting: 'Creating…',
    invalidName: 'Enter a room name of 1 to 80 characters.',
    invalidTopic: 'Keep the topic to 80 characters at most.',
  },

  room: {
    documentTitle: (name: string) => `${name} · StudyRooms`,
    joining: 'Joining room…',
    notJoined: 'Not in the room',
    home: 'StudyRooms home',
    shareLabel: 'Share link',
    copy: 'Copy link',
    copied: 'Link copied',
    copyFailed: 'Could not copy; select the link and copy it by hand.',
    participantsHeading: (count: number) => `In this room (${count})`,
    you: '(you)',
    board: 'Whiteboard. Draw with a mouse, pen or finger.',
    toolbar: 'Pen settings',
    colorGroup: 'Pen colour',
    widthGroup: 'Pen width',
    colors: {
      ink: 'Black',
      red: 'Red',
      blue: 'Blue',
      green: 'Green',
      orange: 'Orange',
      violet: 'Violet',
    },
    widths: {
      thin: 'Thin',
      medium: 'Medium',
      bold: 'Bold',
    },
    unsaved: (count: number) => (count === 1 ? '1 change not saved yet' : `${count} changes not saved yet`),
  },

  status: {
    connecting: 'Connecting…',
    live: 'Live',
    reconnecting: (attempt: number) => `Reconnecting (attempt ${attempt})…`,
    offline: 'Offline',
    offlineRetry: (seconds: number) => `Offline, retrying in ${seconds} s`,
  },

  errors: {
    protocolMismatch: 'This page is out of date: the server speaks a newer version. Reload the page to continue.',
    reload: 'Reload page',
    roomNotFound: 'This room does not exist, or the link is incomplete.',
    goHome: 'Go to the start page',
    opRejected: (reason: string) => `A stroke could not be saved and was removed. ${reason}`,
    rateLimited: 'You are drawing faster than the server accepts; retrying shortly.',
    serverBusy: 'The server is busy; your edits are kept and will be sent again shortly.',
    tooManyConnections: 'You have too many StudyRooms tabs or windows open. Close one, then reload this page.',
    joinFailed: (reason: string) => `Could not join the room yet. ${reason} Retrying…`,
    sessionExpired: 'Your session has expired. Please enter your name again.',
    network: 'Cannot reach the server. Check your connection and try again.',
    unknown: 'Something went wrong. Please try again.',
    byCode: {
      INVALID_DISPLAY_NAME: 'That display name is not allowed. Use 1 to 40 characters.',
      INVALID_ROOM: 'That room name or topic is not allowed.',
      INVALID_REQUEST: 'The server refused the request.',
      ROOM_NOT_FOUND: 'This room does not exist, or the link is incomplete.',
      NOT_IN_ROOM: 'You are not in this room any more; rejoining.',
      RATE_LIMITED: 'Too many requests; please wait a moment.',
      OVERLOADED: 'The server is busy; please try again in a moment.',
      UNAUTHENTICATED: 'Your session has expired. Please enter your name again.',
      PROTOCOL_MISMATCH: 'This page is out of date. Reload the page to continue.',
      INVALID_CREDENTIALS: 'Username or password is wrong.',
      USERNAME_TAKEN: 'That username is taken; choose another.',
      INVALID_ACCOUNT: 'That username or password is not allowed.',
      HAND_NOT_RAISED: 'That hand is no longer raised.',
      INVITE_INVALID: 'This invite link is unknown, revoked, expired or used up. Ask the room owner for a new one.',
      BANNED: 'You were banned from this room.',
      ROOM_FULL: 'This room is full right now. Try again later.',
      TOO_MANY_ROOMS: 'You own as many rooms as this server allows. Delete one of your rooms first, then create a new one.',
      TOO_MANY_CONNECTIONS: 'You have too many StudyRooms tabs or windows open. Close one, then reload this page.',
    } as Record<string, string>,
    dismiss: 'Dismiss',
  },
} as const;
