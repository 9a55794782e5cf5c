// The shapes of the seed data. Records refer to each other by `code` (the key
// API users type), never by database id, so the data modules stay pure.
import type {
  CadenceActivity,
  CadencePeriod,
  KeyTaskStatus,
  MechanismStatus,
  OrganisationType,
  OriginGroup,
  ParkKind,
  PlatformKind,
  PlatformStatus,
  ProjectStage,
  SectorKind,
  Visibility,
} from '../generated/prisma/enums.ts';

/** A decimal written as digits, so that no amount of money passes through a float. */
export type DecimalString = `${bigint}` | `${bigint}.${bigint}`;

/** A calendar day, YYYY-MM-DD. */
export type IsoDate = `${number}-${number}-${number}`;

interface Named {
  nameZh: string;
  nameEn: string;
}

interface SeededRecord extends Named {
  code: string;
  /**
   * Words of the source text this record rests on, copied verbatim (line
   * breaks removed), so that a test can find every one of them in the text.
   */
  source: string;
  /** Written when the record is created only; defaults to PUBLIC. */
  visibility?: Visibility;
}

/**
 * A link to another record of the same model: the body an organisation belongs
 * to, the platform a platform is part of. Set only where the text says so.
 */
interface ParentLink {
  /** The code of the parent, a record of the same model. */
  parentCode?: string;
  /**
   * Words of the source text that place the record under its parent, verbatim
   * (line breaks removed); required with `parentCode`, checked like `source`.
   */
  parentSource?: string;
}

export interface ZoneSeed extends SeededRecord {
  parentZh: string;
  parentEn: string;
  /** The zone's role in the text's words; `source` is the sentence that states it. */
  roleZh: string;
  roleEn: string;
}

export interface ProgrammeSeed extends SeededRecord {
  zoneCode: string;
  summaryZh: string;
  summaryEn: string;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  timeZone: string;
  /** Yuan. */
  investmentTarget: DecimalString;
  /** Percent; a floor. */
  investmentGrowthTarget: DecimalString;
  sourceTitleZh: string;
  sourceTitleEn: string;
  /** What the programme implements: the meeting whose spirit it carries out. */
  basisZh: string;
  basisEn: string;
  /** Verbatim words that state the basis; checked like `source`. */
  basisSource: string;
  /** The official the programme answers to. */
  responsibleOfficialCode: string;
  /** Verbatim words that tie the official to the programme; checked like `source`. */
  responsibleSource: string;
}

/** Unique by (programme, activity); the model has no code. */
export interface CadenceRuleSeed {
  programmeCode: string;
  activity: CadenceActivity;
  period: CadencePeriod;
  minCount: number;
  /** Verbatim from the text. */
  textZh: string;
  textEn: string;
}

export interface CampaignSeed extends SeededRecord {
  programmeCode: string;
  /** 1-based, in the order of the text. */
  position: number;
  summaryZh: string;
  summaryEn: string;
}

export interface KeyTaskSeed extends SeededRecord {
  campaignCode: string;
  position: number;
  /** Written when the record is created only. */
  status: KeyTaskStatus;
}

export interface IndicatorSeed extends SeededRecord {
  programmeCode: string;
  campaignCode?: string;
  keyTaskCode?: string;
  unitZh: string;
  unitEn: string;
  target: DecimalString;
  targetDirection: 'AT_LEAST' | 'AT_MOST';
}

/** Text cues that fix a mechanism's status; see rules.ts. */
export type MechanismCue = '健全' | '完善';

export interface MechanismSeed extends SeededRecord {
  campaignCode: string;
  cue: MechanismCue;
  /** Derived from `cue`; written when the record is created only. */
  status: MechanismStatus;
}

export interface SectorSeed extends SeededRecord {
  kind: SectorKind;
}

export interface ClusterSeed extends SeededRecord {
  sectorCode: string;
  /** Yuan a year. */
  outputTarget: DecimalString;
  focusZh: string[];
  focusEn: string[];
}

export interface ParkSeed extends SeededRecord {
  kind: ParkKind;
}

export interface OrganisationSeed extends SeededRecord, ParentLink {
  type: OrganisationType;
  originGroup: OriginGroup;
}

/** What the text says is to happen to a platform; fixes its status, see rules.ts. */
export type PlatformCue =
  | '建成'
  | '加快推进建设'
  | '启用'
  | '拓展平台功能'
  | '提升使用效能'
  | '完善提升'
  | 'named as existing';

export interface PlatformSeed extends SeededRecord, ParentLink {
  kind: PlatformKind;
  cue: PlatformCue;
  /** Derived from `cue`; written when the record is created only. */
  status: PlatformStatus;
  summaryZh: string;
  summaryEn: string;
  campaignCodes: string[];
  organisationCode?: string;
  parkCode?: string;
}

export interface ProjectSeed extends SeededRecord {
  programmeCode: string;
  campaignCode: string;
  clusterCode?: string;
  sectorCode?: string;
  parkCode?: string;
  summaryZh: string;
  summaryEn: string;
  /** The stage the text says the project is to reach this year. */
  targetStage: ProjectStage;
  targetDate: IsoDate;
  /** Derived from `targetStage`; written when the record is created only. */
  stage: ProjectStage;
  isKeyProject: boolean;
  inFiveYearPlan: boolean;
  organisationCodes: string[];
  platformCodes: string[];
  /** Further campaigns whose lists name the project besides `campaignCode`, its primary one. */
  alsoListedByCodes: string[];
  /** Verbatim words of the further campaign's list that name the project; required with `alsoListedByCodes`. */
  alsoListedSource?: string;
}

/** A kind of problem the inspection office names; its findings are filed under one. */
export type FindingCategorySeed = SeededRecord;

/** A named office holder; `source` holds the name with the post. */
export interface OfficialSeed extends SeededRecord {
  postZh: string;
  postEn: string;
  organisationCode?: string;
}

export interface SeedData {
  zones: ZoneSeed[];
  organisations: OrganisationSeed[];
  officials: OfficialSeed[];
  programmes: ProgrammeSeed[];
  cadenceRules: CadenceRuleSeed[];
  campaigns: CampaignSeed[];
  keyTasks: KeyTaskSeed[];
  indicators: IndicatorSeed[];
  mechanisms: MechanismSeed[];
  sectors: SectorSeed[];
  clusters: ClusterSeed[];
  parks: ParkSeed[];
  platforms: PlatformSeed[];
  projects: ProjectSeed[];
  findingCategories: FindingCategorySeed[];
}
