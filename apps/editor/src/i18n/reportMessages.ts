/** The strings of the report, exports, inbox, batch send and live badge (spread into messages.ts). */
export const reportMessages = {
  en: {
    liveConnected: 'live',
    liveConnecting: 'reconnecting…',
    liveOffline: 'offline: refresh to update',
  },
  fr: {
    liveConnected: 'en direct',
    liveConnecting: 'reconnexion…',
    liveOffline: 'hors ligne : actualisez pour mettre à jour',
  },
} as const;
