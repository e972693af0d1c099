import { PageHeader } from '../../ui/Page';

export function ParticipantsPage() {
  return <PageHeader title="Participants" />;
}
