/**
 * The strings of the integrations' tab of the settings (HL7 v2, FHIR R4), in English (the French ones are in
 * ../fr/integrationMessages.ts; both have the same keys). Read them through useMessages().
 */
export const integrationMessages = {
  settingsTabIntegrations: 'Integrations',
  integrationsIntro:
    'Connect the practice and health record software that speaks a healthcare standard, HL7 v2 or FHIR R4: its appointments become the clinic’s events, as if they came through the API.',

  hl7Title: 'HL7 v2 (MLLP)',
  hl7Intro:
    'Practice software that speaks HL7 v2 sends its scheduling messages (SIU) here: bookings, moves, cancellations and missed appointments become the clinic’s events, and every message gets an acknowledgement.',
  hl7Connected: 'Connected',
  hl7NotConnected: 'Not connected',
  hl7ListenerOff:
    'The HL7 listener is off on this installation: ask your administrator to set HL7_MLLP_PORT.',
  hl7ListenerOn: 'Send the messages to port {port} of this server ({host}), over MLLP.',
  hl7ListenerOnTls: 'Send the messages to port {port} of this server ({host}), over MLLP with TLS.',
  hl7ClosedTitle: 'Nothing gets through yet',
  hl7Closed:
    'Every message will be refused until you set a secret or an allowed address: without either, anyone could write in the clinic’s agenda.',
  hl7Facility: 'Sending facility (MSH-4)',
  hl7FacilityHint: 'What your practice software writes in MSH-4: its messages reach this clinic only.',
  hl7Peers: 'Allowed addresses',
  hl7PeersHint:
    'One IP address or network per line, such as 192.0.2.10 or 10.0.0.0/24: messages from anywhere else are refused.',
  hl7OnlineApplications: 'Online booking applications (MSH-3)',
  hl7OnlineApplicationsHint:
    'One per line: the bookings these applications send count as booked online, the others as booked by the practice.',
  hl7EntryProblem: '{entry}: {message}',
  hl7Save: 'Save the connection',
  hl7Disconnect: 'Disconnect',
  hl7DisconnectConfirm:
    'Disconnect the practice software? Its HL7 messages will be refused from now on; the log below is kept.',
  hl7Secret: 'Secret (MSH-8)',
  hl7SecretOn: 'A secret is asked in MSH-8: a message without it is refused.',
  hl7SecretOff: 'No secret: only the allowed addresses decide.',
  hl7NewSecret: 'New secret',
  hl7NewSecretConfirm:
    'The current secret stops working at once: messages that carry it are refused until the practice software has the new one.',
  hl7RemoveSecret: 'Stop asking for a secret',
  hl7SecretCreated:
    'Copy this secret now and paste it into MSH-8 (Security) of your practice software: it is shown only once.',
  hl7Log: 'Messages received',
  hl7LogCaption: 'The last 50 messages, newest first',
  hl7LogNone: 'No message received yet.',
  hl7Refresh: 'Refresh',
  hl7RefreshLog: 'Refresh the messages received',
  hl7ReceivedAt: 'Received',
  hl7ControlId: 'Control id (MSH-10)',
  hl7Type: 'Type',
  hl7Outcome: 'Outcome',
  hl7Event: 'Became',
  hl7Reason: 'Reason',
  hl7OutcomeAccepted: 'accepted',
  hl7OutcomeDuplicate: 'already received',
  hl7OutcomeError: 'refused',
  hl7NoEvent: 'nothing to do',
  hl7ShowMessage: 'Show the message',
  hl7ShowMessageOf: 'Show the message {controlId}',
  hl7HideMessage: 'Hide the message',
  hl7HideMessageOf: 'Hide the message {controlId}',
  hl7MessageText: 'Text of the message {controlId}',

  fhirTitle: 'FHIR R4',
  fhirIntro:
    'A FHIR server or app sends the clinic’s appointments, and their patients, as FHIR resources. It needs an API key that may “Send appointment events”: create one on the Practice software tab, and put it in the X-Api-Key header of every call.',
  fhirBaseUrl: 'Base URL',
  fhirCopy: 'Copy',
  fhirCopied: 'Copied',
  fhirCopyBaseUrl: 'Copy the base URL',
  fhirEndpoints: 'What to send where',
  fhirRequest: 'Request',
  fhirBody: 'What it takes',
  fhirAppointment: 'One Appointment',
  fhirTransaction: 'A transaction or batch Bundle: appointments with their patients',
  fhirSubscription:
    'The notifications of a FHIR Subscription: point its rest-hook here, with the full resource in the payload',
};
