import { BadRequestException, Body, Controller, HttpCode, Post, UnsupportedMediaTypeException, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { rm } from 'node:fs/promises';
import { Roles } from '../auth/auth.decorators';
import { ApiRole } from '../auth/role.enum';
import { formatFromFileName, parseFormat, parseKind } from './ingestion.enums';
import { IngestionService } from './ingestion.service';
import { unsupportedUploadReason } from './upload-type.util';

interface UploadFields {
  kind?: string;
  format?: string;
  preset?: string;
  mapping?: string;
  source?: string;
}

/** Multipart upload: the file streams to disk (multer disk storage), the answer is the run id at once. */
@Roles(ApiRole.ADMIN, ApiRole.ANALYST)
@Controller('ingest')
export class IngestionController {
  constructor(private readonly ingestion: IngestionService) {}

  @Post()
  @HttpCode(202)
  @UseInterceptors(FileInterceptor('file'))
  async upload(@UploadedFile() file: Express.Multer.File | undefined, @Body() fields: UploadFields) {
    if (!file) throw new BadRequestException('multipart field "file" is required');
    try {
      return await this.startRun(file, fields);
    } catch (error) {
      await rm(file.path, { force: true }); // a refused upload leaves nothing on disk
      throw error;
    }
  }

  private async startRun(file: Express.Multer.File, fields: UploadFields) {
    const unsupported = await unsupportedUploadReason(file.path, file.mimetype);
    if (unsupported) throw new UnsupportedMediaTypeException(unsupported);
    const kind = parseKind(fields.kind);
    if (!kind) throw new BadRequestException('field "kind" must be postings, survey or series');
    const format = fields.format ? parseFormat(fields.format) : formatFromFileName(file.originalname);
    if (fields.format && !format) throw new BadRequestException('field "format" must be csv, jsonld, ndjson or html');
    const run = await this.ingestion.startFileRun({
      kind,
      format,
      preset: fields.preset || undefined,
      mapping: fields.mapping || undefined,
      filePath: file.path,
      fileSize: file.size,
      sourceName: fields.source || file.originalname,
    });
    return { runId: run.id, status: run.status };
  }
}
