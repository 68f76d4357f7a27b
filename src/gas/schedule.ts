// Ports on ScriptApp, LockService and MailApp: the one time-driven trigger an add-on may keep per
// user and spreadsheet, the spreadsheet's lock, and mail to the user.

import type { Lock, Mailer, Schedule, Scheduler } from '../ports';

/** The global function the time-driven trigger calls. */
export const SCHEDULED_HANDLER = 'runScheduledRefresh';

const scheduleKey = (spreadsheetId: string) => `schedule.${spreadsheetId}`;
const triggerKey = (triggerUid: string) => `trigger.${triggerUid}`;

/**
 * The spreadsheet a trigger belongs to: a time-driven run has no active document, so the id is
 * remembered in the user's properties when the trigger is made.
 */
export function spreadsheetOfTrigger(triggerUid: string): string | null {
  return PropertiesService.getUserProperties().getProperty(triggerKey(triggerUid));
}

export function scheduler(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): Scheduler {
  const user = () => PropertiesService.getUserProperties();
  const ours = () =>
    ScriptApp.getUserTriggers(spreadsheet).filter(
      (trigger) => trigger.getHandlerFunction() === SCHEDULED_HANDLER,
    );
  return {
    current() {
      if (ours().length === 0) return undefined;
      const stored = user().getProperty(scheduleKey(spreadsheet.getId()));
      return stored ? (JSON.parse(stored) as Schedule) : { mode: 'hourly' };
    },
    install(schedule) {
      this.remove();
      const trigger = ScriptApp.newTrigger(SCHEDULED_HANDLER).timeBased().everyHours(1).create();
      user().setProperty(triggerKey(trigger.getUniqueId()), spreadsheet.getId());
      user().setProperty(scheduleKey(spreadsheet.getId()), JSON.stringify(schedule));
    },
    remove() {
      for (const trigger of ours()) {
        user().deleteProperty(triggerKey(trigger.getUniqueId()));
        ScriptApp.deleteTrigger(trigger);
      }
      user().deleteProperty(scheduleKey(spreadsheet.getId()));
    },
  };
}

/**
 * The user's lock: a time-driven run has no active document, so the document lock is not
 * available there; the user's lock is, in every kind of execution. It guards taking the
 * refresh lease (app/schedule.ts), which keeps every collaborator's refreshes apart.
 */
export function userLock(): Lock {
  // One Lock object for both calls: releasing works on the object that took the lock.
  let lock: GoogleAppsScript.Lock.Lock | undefined;
  const get = () => (lock ??= LockService.getUserLock());
  return {
    tryLock: (milliseconds) => get().tryLock(milliseconds),
    release: () => get().releaseLock(),
  };
}

export function mailAppMailer(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): Mailer {
  return {
    send(subject, body) {
      const to = Session.getEffectiveUser().getEmail();
      const where = `\n\nSpreadsheet: ${spreadsheet.getName()}\n${spreadsheet.getUrl()}`;
      if (to) MailApp.sendEmail(to, subject, body + where);
    },
  };
}
