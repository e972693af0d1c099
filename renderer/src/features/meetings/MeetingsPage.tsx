import { PageHeader } from '../../ui/Page';

export function MeetingsPage() {
  return <PageHeader title="Meetings" />;
}
