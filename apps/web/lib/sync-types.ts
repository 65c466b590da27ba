// design-sync's shapes as the dashboard reads them: the API's own (generated from its OpenAPI document), named once.
import type { components } from '@cogo/api-client';

type S = components['schemas'];
export type DriftResponse = S['DriftResponse'];
export type DriftMapping = DriftResponse['mappings'][number];
export type DriftItem = S['DriftItem'];
export type ComponentMapping = S['ComponentMapping'];
export type CoverageResponse = S['CoverageResponse'];
export type SyncOperation = S['SyncOperation'];
export type SyncDirection = SyncOperation['direction'];
export type Credential = S['DesignSyncCredential'];
export type CredentialKind = Credential['kind'];
export type ArtifactPointer = S['ArtifactPointer'];
/** A story's result; `screenshot` is null when none was taken. */
export type StoryResult = S['StoryResult'];
export type BrowserSession = S['BrowserSession'];
export type BrowserSessionSummary = S['BrowserSessionSummary'];
export type StorybookIngest = S['StorybookIngestResponse'];
