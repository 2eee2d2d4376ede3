// Shows a temporary password once, with a copy button; the user must change it at first login.
import { Alert, Button, Modal, Typography } from 'antd';
import { useI18n } from '../../lib/i18n';

export interface TempPassword {
  username: string;
  displayName: string;
  password: string;
}

export function TempPasswordModal({
  value,
  onClose,
}: {
  value: TempPassword | undefined;
  onClose: () => void;
}) {
  const { t } = useI18n();
  return (
    <Modal
      open={value !== undefined}
      title={t('users.tempTitle')}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onClose} data-testid="temp-password-close">
          {t('common.close')}
        </Button>
      }
    >
      {value && (
        <>
          <Typography.Paragraph>
            {value.displayName}（{value.username}）
          </Typography.Paragraph>
          <Typography.Paragraph
            copyable={{ text: value.password, tooltips: [t('users.copy'), t('users.copied')] }}
            style={{ marginBottom: 16 }}
          >
            <span className="temp-password" data-testid="temp-password">
              {value.password}
            </span>
          </Typography.Paragraph>
          <Alert type="warning" showIcon message={t('users.tempHint', { name: value.displayName })} />
        </>
      )}
    </Modal>
  );
}
