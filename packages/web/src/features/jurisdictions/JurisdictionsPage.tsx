// 区划: the tree on the left; the selected division's details and subdivisions on the right.
import { Card, Col, Row } from 'antd';
import { useCallback, useState } from 'react';
import { JurisdictionTree } from '../../components/JurisdictionTree';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../lib/i18n';
import { useIsMobile } from '../../lib/responsive';
import type { Jurisdiction } from '../../lib/types';
import { JurisdictionDetails } from './JurisdictionDetails';

export function JurisdictionsPage() {
  const { t } = useI18n();
  const mobile = useIsMobile();
  const [selected, setSelected] = useState<Jurisdiction>();
  const selectFirst = useCallback((root: Jurisdiction) => setSelected((s) => s ?? root), []);

  return (
    <>
      <PageHeader title={t('nav.jurisdictions')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} md={9} lg={7}>
          <Card size="small" styles={{ body: { padding: 12 } }}>
            <JurisdictionTree
              selectedCode={selected?.code}
              onSelect={setSelected}
              onRootLoaded={selectFirst}
              height={mobile ? 320 : 560}
            />
          </Card>
        </Col>
        <Col xs={24} md={15} lg={17}>
          <JurisdictionDetails selected={selected} onSelect={setSelected} />
        </Col>
      </Row>
    </>
  );
}
