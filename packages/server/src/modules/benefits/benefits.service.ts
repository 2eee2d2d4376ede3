// The benefits module's services, wired once (application.ts holds one BenefitsServices).
import type { Clock } from '@renkou/core';
import type { Db } from '@renkou/db';
import type { CryptoProvider } from '../../crypto/crypto-provider';
import type { AuditService } from '../audit';
import type { RegisterService } from '../register';
import { AnnualReviewService } from './annual-review.service';
import { ApplicationsService } from './applications.service';
import { BankResultsService } from './bank-results.service';
import { BudgetsService } from './budgets.service';
import { DashboardService } from './dashboard.service';
import { FamilyBenefitsService } from './family-benefits.service';
import type { BenefitsContext } from './benefits-context';
import { LifeEventWorklistService } from './life-event-worklist.service';
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
  readonly lifeEventWorklist: LifeEventWorklistService;
  readonly annualReview: AnnualReviewService;
  readonly budgets: BudgetsService;
  readonly dashboard: DashboardService;
  readonly familyBenefits: FamilyBenefitsService;

  constructor(db: Db, audit: AuditService, clock: Clock, register: RegisterService, crypto: CryptoProvider) {
    const context: BenefitsContext = { db, audit, clock, register, crypto };
    this.programmes = new ProgrammesService(context);
    this.screening = new ScreeningService(context, this.programmes);
    this.applications = new ApplicationsService(context, this.programmes);
    this.payments = new PaymentsService(context, this.programmes);
    this.bankResults = new BankResultsService(context, this.payments);
    this.lifeEvents = new LifeEventsService(context, this.applications);
    this.lifeEventWorklist = new LifeEventWorklistService(context, this.programmes, this.applications);
    this.annualReview = new AnnualReviewService(context, this.programmes, this.applications);
    this.budgets = new BudgetsService(context, this.programmes);
    this.dashboard = new DashboardService(context, this.programmes);
    this.familyBenefits = new FamilyBenefitsService(context);
  }
}
