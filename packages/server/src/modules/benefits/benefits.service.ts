// The benefits module's services, wired once (application.ts holds one BenefitsServices).
import type { Clock } from '@renkou/core';
import type { Db } from '@renkou/db';
import type { CryptoProvider } from '../../crypto/crypto-provider';
import type { AuditService } from '../audit';
import type { RegisterService } from '../register';
import { ApplicationsService } from './applications.service';
import { BankResultsService } from './bank-results.service';
import type { BenefitsContext } from './benefits-context';
import { LifeEventsService } from './life-events.service';
import { PaymentsService } from './payments.service';
import { ProgrammesService } from './programmes.service';
import { ScreeningService } from './screening.service';

export class BenefitsServices {
  readonly programmes: ProgrammesService;
  readonly screening: ScreeningService;
  readonly applications: ApplicationsService;
  readonly payments: PaymentsService;
  readonly bankResults: BankResultsService;
  readonly lifeEvents: LifeEventsService;

  constructor(db: Db, audit: AuditService, clock: Clock, register: RegisterService, crypto: CryptoProvider) {
    const context: BenefitsContext = { db, audit, clock, register, crypto };
    this.programmes = new ProgrammesService(context);
    this.screening = new ScreeningService(context, this.programmes);
    this.applications = new ApplicationsService(context, this.programmes);
    this.payments = new PaymentsService(context, this.programmes);
    this.bankResults = new BankResultsService(context, this.payments);
    this.lifeEvents = new LifeEventsService(context, this.applications);
  }
}
