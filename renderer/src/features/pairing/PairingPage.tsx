import { PageHeader } from '../../ui/Page';

export function PairingPage() {
  return <PageHeader title="Pairing" />;
}
