import type { AttentionItem } from '../../../../shared/dashboard/contract';
import { plural } from '../../../../shared/words';

/** What each "needs attention" item says, in the coordinator's words, with its count. */
export function attentionWords(item: AttentionItem): { title: string; action: string } {
  const n = item.count;
  switch (item.kind) {
    case 'open-concerns':
      return { title: `${plural(n, 'open safeguarding concern')}`, action: 'Open the register' };
    case 'overdue-follow-ups':
      return { title: `${plural(n, 'safeguarding follow-up')} overdue`, action: 'See overdue follow-ups' };
    case 'late-milestones':
      return { title: `${plural(n, 'milestone')} late on the timeline`, action: 'Open the timeline' };
    case 'overdue-meetings':
      return { title: `${plural(n, 'meeting')} overdue (date passed, not marked held or cancelled)`, action: 'See overdue meetings' };
    case 'untrained-before-first-meeting':
      return { title: `${plural(n, 'paired person', 'paired people')} not trained yet, before their first meeting`, action: 'Record training' };
    case 'consent-missing':
      return { title: `${plural(n, 'person', 'people')} with data but no consent to take part on record`, action: 'See participants' };
    case 'owed-logs':
      return { title: `${plural(n, 'reflective log')} owed after held meetings`, action: 'See owed logs' };
    case 'waves-closing':
      return { title: `${plural(n, 'survey wave')} closing within a week with returns missing`, action: 'See survey waves' };
  }
}
