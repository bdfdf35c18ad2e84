import { applyChannelToggles } from './channel-toggles';

const toggles = {
  services: { 'svc-hygiene': { sms: false, email: true } },
  resources: { 'res-martin': { voice: false } },
};

describe(applyChannelToggles.name, () => {
  it('should switch a channel off for the service and the resource named by their ids', () => {
    const sut = applyChannelToggles(
      { service: { id: 'svc-hygiene', name: 'Hygiene' }, resource: { id: 'res-martin' } },
      toggles,
    );
    expect(sut).toEqual({
      service: { id: 'svc-hygiene', name: 'Hygiene', channels: { sms: false } },
      resource: { id: 'res-martin', channels: { voice: false } },
    });
  });

  it("should name them by the appointment's ids when the context has no service or resource", () => {
    const sut = applyChannelToggles(
      { appointment: { serviceId: 'svc-hygiene', resourceId: 'res-x' } },
      toggles,
    );
    expect(sut).toEqual({
      appointment: { serviceId: 'svc-hygiene', resourceId: 'res-x' },
      service: { id: 'svc-hygiene', channels: { sms: false } },
    });
  });

  it('should keep a channel the context already switched off, and never switch one on', () => {
    const sut = applyChannelToggles(
      { service: { id: 'svc-hygiene', channels: { voice: false, email: false } } },
      toggles,
    );
    expect(sut.service).toEqual({ id: 'svc-hygiene', channels: { voice: false, email: false, sms: false } });
  });

  it('should leave the context as it is without toggles for its ids', () => {
    const context = { service: { id: 'svc-other' }, resource: undefined };
    expect(applyChannelToggles(context, toggles)).toEqual(context);
    expect(applyChannelToggles(context, undefined)).toEqual(context);
  });
});
